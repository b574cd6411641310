/**
 * 科技成果库: published achievements, newest first, by field and keyword. Hooks: `library-search` (its input
 * inside), `lib-chip[data-value]`, `achievement-card` (`data-id`), `library-empty`, `library-new` (登记成果).
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FIELDS, type FieldKey } from '@jiebang/shared';
import { AchievementItem } from '../../components/achievement-item';
import * as library from '../../../../services/library';
import { errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useMe } from '../../../../hooks/use-me';
import { SearchBar, useSearchText } from '../../../../components/search-bar';
import '../../library.scss';

const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];
/** A keyword searches from two characters (one character matches too much to be useful). */
const searchable = (t: string) => t.length >= 2;

export default function LibraryPage() {
  const me = useMe();
  const [field, setField] = useState<FieldKey | undefined>();
  const [q, setQ] = useState('');
  const search = useSearchText(q, setQ, 50, searchable);
  const fetchPage = useCallback(
    (cursor: string | null) => library.list({ field, q: q || undefined, cursor }),
    [field, q],
  );
  const { status, error, items, cursor, loadingMore, reload, loadMore } = usePagedList(fetchPage);
  const open = (id: string) => void Taro.navigateTo({ url: `/subpackages/library/pages/achievement/index?id=${id}` });
  const canSubmit = me.status === 'ready' && !!me.me.org;

  return (
    <View className="lib-page">
      <View className="lib-hero">
        <Text className="lib-hero__title">科技成果库 · 赋智中小企业</Text>
        <Text className="lib-hero__sub">高校、科研院所的科技成果，经主管部门审核后发布，可在线提出对接意向</Text>
        <SearchBar name="library-search" search={search} placeholder="搜索成果名称、简介、单位" />
      </View>
      <View className="lib-chips">
        {[undefined, ...FIELD_KEYS].map((k) => (
          <View
            key={k ?? 'all'}
            className={`lib-chip${field === k ? ' is-on' : ''}`}
            data-value={k ?? ''}
            onClick={() => setField(k)}
          >
            {k ? FIELDS[k] : '全部'}
          </View>
        ))}
      </View>
      {canSubmit && (
        <View
          className="lib-card library-new"
          hoverClass="lib-card--pressed"
          onClick={() => void Taro.navigateTo({ url: '/subpackages/library/pages/form/index' })}
        >
          <Text className="lib-card__title">＋ 登记科技成果</Text>
          <Text className="lib-card__meta">填写成果信息，报所属主管部门审核后在成果库发布</Text>
        </View>
      )}
      {status === 'loading' && <SkeletonCards count={3} />}
      {status === 'error' && <ErrorState message={errorMessage(error)} onRetry={reload} />}
      {status === 'ready' && items.length === 0 && (
        <EmptyState className="library-empty" text="没有符合条件的成果" hint="换个关键词或领域试试" />
      )}
      {items.map((a) => (
        <AchievementItem key={a.id} a={a} onOpen={open} />
      ))}
      {status === 'ready' && items.length > 0 && (
        <View className="lib-page__more" onClick={() => cursor && void loadMore()}>
          {loadingMore ? '正在加载更多…' : cursor ? '点击加载更多' : `— 共 ${items.length} 项成果 —`}
        </View>
      )}
    </View>
  );
}
