/**
 * The authority's queue of 揭榜申请 (GET /v1/review/applications): a province sees its region's submitted
 * applications (初审: forward / return), the ministry the forwarded ones (release to the issuer). Oldest first;
 * 已审 lists what the authority decided, newest first; both filter by the demand's field and the submission day,
 * the ministry by province and the demand's channel (需求报送渠道), and search the demand's title or the applicant
 * (components/queue-filters). From 768 px wide the list and the application stand side by side (components/queue-split): a tap shows its review in the right pane (components/review-application)
 * instead of opening 申请审核.
 *
 * Class names for end-to-end tests: `review-apps`, `review-apps__count`, `review-app[data-status]`,
 * `review-app__title`, `review-app__org`, `review-apps-empty`, `review-apps-error`, `review-apps-denied`; wide:
 * `review-apps__pane`, `review-apps-pick`, the picked card `is-selected`.
 */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { APPLICANT_CLASS_LABELS, FIELDS, formatShanghai } from '@jiebang/shared';
import * as applications from '../../../../services/applications';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { StatusBadge } from '../../../../components/app-status';
import { authorityName } from '../../../../lib/roles';
import { useMe } from '../../../../hooks/use-me';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useWide } from '../../../../hooks/use-wide';
import { DECISION_TEXT, NO_FILTERS, QueueFiltersBar, isFiltered, queueQuery } from '../../components/queue-filters';
import { QueueCards } from '../../components/queue-card';
import { QueueSplit } from '../../components/queue-split';
import { ReviewApplication } from '../../components/review-application';
import { MINE } from '../../../../lib/nav';
import './index.scss';

const denial = (err: unknown) => err instanceof ApiError && (err.status === 401 || err.status === 403);

export default function ReviewApplicationsQueuePage() {
  const me = useMe();
  const wide = useWide();
  const [selected, setSelected] = useState<string | null>(null);
  const authority = me.status === 'ready' ? me.authority : null;
  // The queue is asked for only once the user is known to review for an authority.
  const [filters, setFilters] = useState(NO_FILTERS);
  const fetchPage = useCallback(
    (cursor: string | null) => applications.reviewQueue(cursor, 20, queueQuery(filters)),
    [filters],
  );
  const done = filters.tab === 'done';
  const filtered = isFiltered(filters);
  const list = usePagedList(authority ? fetchPage : null, { reloadOn: 'show' });
  const { items, cursor, loadingMore, moreError } = list;

  const state =
    me.status === 'signed-out' || (me.status === 'ready' && !authority) || denial(me.status === 'error' && me.error)
      ? { kind: 'denied' as const }
      : me.status === 'error'
        ? { kind: 'error' as const, message: errorMessage(me.error) }
        : me.status === 'loading' || !authority
          ? { kind: 'loading' as const }
          : list.status === 'error'
            ? denial(list.error)
              ? { kind: 'denied' as const }
              : { kind: 'error' as const, message: errorMessage(list.error) }
            : { kind: 'ready' as const, who: authorityName(authority), ministry: authority.kind === 'ministry' };
  const retry = () => (me.status === 'error' ? me.reload() : list.reload());

  if (state.kind === 'loading') return <SkeletonCards count={3} />;
  if (state.kind === 'denied') {
    return (
      <EmptyState
        className="review-apps-denied"
        text="仅主管部门可以审核揭榜申请"
        hint="请使用主管部门账号登录"
        go={{ text: '返回我的', url: MINE }}
      />
    );
  }
  if (state.kind === 'error') {
    return <ErrorState className="review-apps-error" message={state.message} onRetry={retry} />;
  }

  return (
    <View className="review-apps">
      <View className="review-apps__head">
        <Text className="review-apps__who">{state.who}</Text>
        <View className="review-apps__stat">
          <Text className="review-apps__count">
            {items.length}
            {cursor ? '+' : ''}
          </Text>
          <Text className="review-apps__count-label">
            {done ? '份已审核' : state.ministry ? '份待提交发榜企业评审' : '份待初审'}
            {filtered ? '（筛选后）' : ''}
          </Text>
        </View>
        <Text className="review-apps__hint">
          {state.ministry ? '已由省级主管部门转报的申请，按转报先后排列' : '本辖区中小企业提交的申请，按提交先后排列'}
        </Text>
      </View>

      <QueueFiltersBar
        value={filters}
        onChange={setFilters}
        byRegion={state.ministry}
        of="applications"
        placeholder="搜索需求名称或企业名称"
      />

      <QueueSplit
        name="review-apps"
        wide={wide}
        selected={selected}
        pane={(id) => <ReviewApplication key={id} id={id} pane onDecided={list.reload} />}
        pick={{ text: '选择左侧的申请', hint: '申请的企业信息、申请内容和审核操作显示在这里，无需离开队列' }}
      >
        {list.status === 'loading' ? (
          <SkeletonCards count={3} />
        ) : items.length === 0 ? (
          <EmptyState
            className="review-apps-empty"
            text={filtered ? '没有符合条件的申请' : done ? '还没有审核过的申请' : '暂无待审核的申请'}
            hint={filtered ? '换个关键词，或调整省份、领域、日期' : '新的申请提交后会出现在这里'}
          />
        ) : (
          <View className="review-apps__list queue-split__list">
            <QueueCards
              items={items}
              className="review-app"
              url={(a) => `/subpackages/authority/pages/application-review/index?id=${encodeURIComponent(a.id)}`}
              onPick={wide ? (a) => setSelected(a.id) : undefined}
              selected={selected}
            >
              {(a) => (
                <>
                  <View className="review-app__top">
                    <Text className="review-app__title">{a.demandTitle}</Text>
                    <StatusBadge status={a.status} />
                  </View>
                  <Text className="review-app__org">
                    {a.orgName} · {APPLICANT_CLASS_LABELS[a.orgSize]}
                    {a.demandField ? ` · ${FIELDS[a.demandField]}` : ''}
                  </Text>
                  <Text className="review-app__time">
                    {a.decision && a.decidedAt
                      ? `${DECISION_TEXT[a.decision]} ${formatShanghai(a.decidedAt)}`
                      : a.submittedAt
                        ? `提交于 ${formatShanghai(a.submittedAt)}`
                        : ''}
                  </Text>
                </>
              )}
            </QueueCards>
            <View className="review-apps__more">
              {loadingMore && <Text>正在加载更多…</Text>}
              {!loadingMore && moreError && <Text>加载失败，上滑重试</Text>}
              {!loadingMore && !moreError && !cursor && <Text>— 已显示全部 —</Text>}
            </View>
          </View>
        )}
      </QueueSplit>
    </View>
  );
}
