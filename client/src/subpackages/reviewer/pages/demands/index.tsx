/**
 * 评审与遴选: the issuer's demands that are (or were) under evaluation, for its reviewers and admins. Each opens
 * the ranking, and those still being evaluated say how many of their applications the caller has not scored
 * (待评 n, from the ranking's counts: one small request per such demand, in parallel). Classes for tests:
 * `reviewer-demands`, `reviewer-demand[data-status]` with `reviewer-demand__todo`, `reviewer-demands-empty`.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEMAND_STATUSES, formatShanghai } from '@jiebang/shared';
import type { DemandSummary } from '@jiebang/shared';
import * as demands from '../../../../services/demands';
import * as evaluation from '../../../../services/evaluation';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import '../../reviewer.scss';

const EVALUATED = new Set(['published', 'evaluating', 'selected', 'no_selection', 'in_cooperation', 'completed']);
/** Before the decision: where scoring is still to do. */
const SCORING = new Set(['published', 'evaluating']);

/** 待评 n of each demand still being scored (a demand whose ranking fails to load just shows no count). */
async function todoCounts(items: DemandSummary[]): Promise<Record<string, number>> {
  const pairs = await Promise.all(
    items
      .filter((d) => SCORING.has(d.status))
      .map((d) =>
        evaluation
          .ranking(d.id, 'total', null, 1)
          .then((r) => [d.id, r.counts.applications - r.counts.scoredByMe] as const)
          .catch(() => null),
      ),
  );
  return Object.fromEntries(pairs.filter((p) => p !== null));
}

export default function ReviewerDemandsPage() {
  const [state, setState] = useState<'loading' | 'ready' | 'denied' | { error: string }>('loading');
  const [items, setItems] = useState<DemandSummary[]>([]);
  const [todo, setTodo] = useState<Record<string, number>>({});

  const load = useCallback(async () => {
    try {
      const page = await demands.listMine({ limit: 50 });
      const shown = page.items.filter((d) => EVALUATED.has(d.status));
      setItems(shown);
      setState('ready');
      setTodo(await todoCounts(shown));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) setState('denied');
      else setState({ error: errorMessage(err) });
    } finally {
      Taro.stopPullDownRefresh();
    }
  }, []);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load());

  if (state === 'loading') return <SkeletonCards count={3} />;
  if (state === 'denied') return <EmptyState text="仅发榜企业成员可以评审" hint="请使用发榜企业的账号登录" />;
  if (typeof state === 'object') return <ErrorState message={state.error} onRetry={() => void load()} />;
  if (items.length === 0) {
    return (
      <EmptyState
        className="reviewer-demands-empty"
        text="暂无需要评审的需求"
        hint="工业和信息化部提交评审的揭榜申请会出现在已发布的需求下"
      />
    );
  }
  return (
    <View className="reviewer-demands rv-page">
      {items.map((d) => (
        <View
          key={d.id}
          className="reviewer-demand rv-card"
          data-status={d.status}
          hoverClass="rv-card--pressed"
          onClick={() =>
            void Taro.navigateTo({ url: `/subpackages/reviewer/pages/ranking/index?id=${encodeURIComponent(d.id)}` })
          }
        >
          <Text className="rv-card__title">{d.title}</Text>
          <View className="rv-card__meta">
            <Text className="rv-tag">{DEMAND_STATUSES[d.status]}</Text>
            {todo[d.id] !== undefined && (
              <Text className={`reviewer-demand__todo rv-tag${todo[d.id] ? ' rv-tag--todo' : ''}`}>
                {todo[d.id] ? `待评 ${todo[d.id]}` : '已评完'}
              </Text>
            )}
            <Text className="rv-muted">揭榜截止 {formatShanghai(d.applicationDeadline)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
