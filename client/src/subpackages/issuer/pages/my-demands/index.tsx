/**
 * 我的发榜: the demands of the user's large enterprise, newest first, with their status; a new demand; a form
 * autosaved on this device but never saved to the server is offered for continuing.
 *
 * Test hooks: `my-demands`, `my-demands__new`, `my-demands__local-draft`, `my-demands__item` (`data-id`,
 * `data-status`) with `my-demands__title` and a `status-badge`, `my-demands-empty`, `my-demands-error`.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import * as demands from '../../../../services/demands';
import { errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, MoreLine, SkeletonCards } from '../../../../components/state-view';
import { StatusBadge } from '../../../../components/status-badge';
import { CHANNEL_TEXT } from '../../../../components/demand-view';
import { fieldText } from '../../../../lib/format';
import { loadLocalDraft } from '../../lib/draft-store';
import { usePagedList } from '../../../../hooks/use-paged-list';
import './index.scss';

const FORM = '/subpackages/issuer/pages/demand-form/index';
const DETAIL = '/subpackages/issuer/pages/demand/index';

/** A new demand's form autosaved on this device and never saved to the server. */
function readLocalDraft(): { title: string; savedAt: string } | null {
  const local = loadLocalDraft('new');
  return local ? { title: local.values.title.trim(), savedAt: local.savedAt } : null;
}

export default function MyDemandsPage() {
  const fetchPage = useCallback((cursor: string | null) => demands.listMine({ limit: 20, cursor }), []);
  const { status, error, items, cursor, loadingMore, reload, loadMore } = usePagedList(fetchPage, {
    reloadOn: 'show',
    moreErrors: 'toast',
  });
  const [localDraft, setLocalDraft] = useState(readLocalDraft);
  useDidShow(() => setLocalDraft(readLocalDraft()));

  const create = () => void Taro.navigateTo({ url: FORM });
  const open = (id: string) => void Taro.navigateTo({ url: `${DETAIL}?id=${encodeURIComponent(id)}` });

  return (
    <View className="my-demands">
      <View className="my-demands__hero">
        <View className="my-demands__hero-text">
          <Text className="my-demands__heading">我的发榜</Text>
          <Text className="my-demands__sub">填写需求表，报送主管部门审核后发布到需求目录</Text>
        </View>
        <View className="my-demands__new" hoverClass="my-demands__new--pressed" onClick={create}>
          ＋ 发布新需求
        </View>
      </View>

      {localDraft && (
        <View className="my-demands__local-draft" onClick={create}>
          <View className="my-demands__local-text">
            <Text className="my-demands__local-title">有未保存的需求表（本机）</Text>
            <Text className="my-demands__local-sub">
              {localDraft.title || '未命名'} · 自动保存于 {formatShanghai(localDraft.savedAt).slice(5)}
            </Text>
          </View>
          <Text className="my-demands__local-go">继续填写 ›</Text>
        </View>
      )}

      {status === 'loading' && <SkeletonCards count={3} />}
      {status === 'error' && <ErrorState className="my-demands-error" message={errorMessage(error)} onRetry={reload} />}
      {status === 'ready' && items.length === 0 && !localDraft && (
        <EmptyState
          className="my-demands-empty"
          text="还没有发榜需求"
          hint="填写技术创新需求表，经主管部门审核后在需求目录中发布（中小企业的需求列入“中小企业发榜”，由高校、科研院所揭榜）"
          actionText="发布新需求"
          onAction={create}
        />
      )}

      {status === 'ready' && items.length > 0 && (
        <View className="my-demands__list">
          {items.map((d) => (
            <View
              key={d.id}
              className="my-demands__item"
              data-id={d.id}
              data-status={d.status}
              hoverClass="my-demands__item--pressed"
              onClick={() => open(d.id)}
            >
              <View className="my-demands__row">
                <Text className="my-demands__title">{d.title}</Text>
                <StatusBadge status={d.status} />
              </View>
              <View className="my-demands__meta">
                <Text>{fieldText(d.field)}</Text>
                {d.anonymous && <Text className="my-demands__anon">匿名发榜</Text>}
                {d.channel && <Text className="my-demands__channel">{CHANNEL_TEXT[d.channel]}</Text>}
              </View>
              <Text className="my-demands__time">
                {d.publishedAt
                  ? `发布于 ${formatShanghai(d.publishedAt)}`
                  : d.submittedAt
                    ? `报送于 ${formatShanghai(d.submittedAt)}`
                    : `更新于 ${formatShanghai(d.updatedAt)}`}
              </Text>
            </View>
          ))}
          <MoreLine block="my-demands" list={{ loadingMore, cursor, loadMore }} end={`— 共 ${items.length} 项需求 —`} />
        </View>
      )}
    </View>
  );
}
