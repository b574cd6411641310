/**
 * 审核工作台: the authority's queue of demands to review — a province sees its region's submitted demands
 * (初核), the ministry sees forwarded ones and those submitted to it directly — oldest first, with the count;
 * 已审 lists what the authority decided, newest first; the ministry filters by province, both by field and title
 * (components/queue-filters), the ministry also by channel, both by submission day. From 768 px wide the list and
 * the demand stand side by side: a tap shows the demand's review in the right pane (components/review-demand)
 * instead of opening 需求审核.
 *
 * Test hooks: `review-queue`, `review-queue__authority`, `review-queue__count`, `review-queue__item`
 * (`data-id`, `data-status`, `is-selected` in the pane) with `review-queue__title`, `review-queue__issuer`;
 * `review-queue-empty`, `review-queue-error`; wide: `review-queue__pane`, `review-queue-pick`.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import type { DemandQueueItem } from '@jiebang/shared';
import * as review from '../../../../services/review';
import { errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, MoreLine, SkeletonCards } from '../../../../components/state-view';
import { StatusBadge } from '../../../../components/status-badge';
import { fieldText, regionText } from '../../../../lib/format';
import { authorityName } from '../../../../lib/roles';
import { useMe } from '../../../../hooks/use-me';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useWide } from '../../../../hooks/use-wide';
import { DECISION_TEXT, NO_FILTERS, QueueFiltersBar, isFiltered, queueQuery } from '../../components/queue-filters';
import { QueueCards } from '../../components/queue-card';
import { ReviewDemandPane } from '../../components/review-demand';
import { QueueSplit } from '../../components/queue-split';
import './index.scss';

const DETAIL = '/subpackages/authority/pages/review-demand/index';

function routeText(d: DemandQueueItem): string {
  if (d.decision) return `${DECISION_TEXT[d.decision]} ${d.decidedAt ? formatShanghai(d.decidedAt).slice(5) : ''}`;
  if (d.status === 'forwarded') return '省级初核通过转报';
  if (d.channel === 'ministry') return '企业直接报送';
  return '待省级初核';
}

export default function ReviewQueuePage() {
  const me = useMe();
  const wide = useWide();
  const [filters, setFilters] = useState(NO_FILTERS);
  const [selected, setSelected] = useState<string | null>(null);
  const fetchPage = useCallback(
    (cursor: string | null) => review.queue({ limit: 20, cursor, ...queueQuery(filters) }),
    [filters],
  );
  // Also when coming back from a decision: the decided demand has left the queue.
  const list = usePagedList(fetchPage, { reloadOn: 'show', moreErrors: 'toast' });
  const { items } = list;
  const who = me.status === 'ready' ? me.authority : null;
  const status = me.status === 'error' ? 'error' : list.status;
  const error = errorMessage(me.status === 'error' ? me.error : list.error);
  const total = list.page?.counts.total ?? 0;
  const retry = () => {
    if (me.status === 'error') me.reload();
    list.reload();
  };

  const isMinistry = who?.kind === 'ministry';
  const done = filters.tab === 'done';
  const filtered = isFiltered(filters);

  return (
    <View className="review-queue">
      <View className="review-queue__hero">
        <Text className="review-queue__heading">审核工作台</Text>
        <Text className="review-queue__authority">{who ? authorityName(who) : ' '}</Text>
        <View className="review-queue__stats">
          <View className="review-queue__stat">
            <Text className="review-queue__count">{status === 'ready' ? total : '–'}</Text>
            <Text className="review-queue__stat-label">
              {done ? '已审核' : isMinistry ? '待审核发布' : '待初核'}
              {filtered ? '（筛选后）' : ''}
            </Text>
          </View>
          <Text className="review-queue__stat-hint">
            {done
              ? '本单位作出审核结论的需求，最近审核的在前'
              : isMinistry
                ? '含省级转报与企业直接报送的需求，按报送时间先后排列'
                : '本地区企业报送的需求，按报送时间先后排列'}
          </Text>
        </View>
      </View>

      <QueueFiltersBar
        value={filters}
        onChange={setFilters}
        pendingCount={!done && !filtered && status === 'ready' ? total : undefined}
        byRegion={isMinistry}
        of="demands"
        placeholder="搜索需求名称"
      />

      <QueueSplit
        name="review-queue"
        wide={wide}
        selected={selected}
        pane={(id) => <ReviewDemandPane key={id} id={id} onDecided={list.reload} />}
        pick={{ text: '选择左侧的需求', hint: '需求的全部内容和审核操作显示在这里，无需离开队列' }}
      >
        {status === 'loading' && <SkeletonCards count={3} />}
        {status === 'error' && <ErrorState className="review-queue-error" message={error} onRetry={retry} />}
        {status === 'ready' && items.length === 0 && (
          <EmptyState
            className="review-queue-empty"
            text={filtered ? '没有符合条件的需求' : done ? '还没有审核过的需求' : '暂无待审核的需求'}
            hint={filtered ? '换个关键词，或调整省份、领域、渠道、日期' : '新的需求报送后会出现在这里，下拉可刷新'}
          />
        )}

        {status === 'ready' && items.length > 0 && (
          <View className="review-queue__list queue-split__list">
            <QueueCards
              items={items}
              className="review-queue__item"
              url={(d) => `${DETAIL}?id=${encodeURIComponent(d.id)}`}
              onPick={wide ? (d) => setSelected(d.id) : undefined}
              selected={selected}
            >
              {(d) => (
                <>
                  <View className="review-queue__row">
                    <Text className="review-queue__route">{routeText(d)}</Text>
                    <StatusBadge status={d.status} />
                  </View>
                  <Text className="review-queue__title">{d.title}</Text>
                  <View className="review-queue__meta">
                    <Text className="review-queue__issuer">{d.issuerName}</Text>
                    {d.anonymous && <Text className="review-queue__anon">匿名发榜</Text>}
                  </View>
                  <View className="review-queue__foot">
                    <Text>
                      {fieldText(d.field)} · {regionText(d.region)}
                    </Text>
                    <Text>{d.submittedAt ? `报送 ${formatShanghai(d.submittedAt).slice(5)}` : ''}</Text>
                  </View>
                </>
              )}
            </QueueCards>
            <MoreLine block="review-queue" list={list} end={`— 已显示全部 ${items.length} 项 —`} />
          </View>
        )}
      </QueueSplit>
    </View>
  );
}
