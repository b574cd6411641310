/**
 * 审核工作台: the authority's queue of demands to review — a province sees its region's submitted demands
 * (初核), the ministry sees forwarded ones and those submitted to it directly — oldest first, with the count.
 *
 * Test hooks: `review-queue`, `review-queue__authority`, `review-queue__count`, `review-queue__item`
 * (`data-id`, `data-status`) with `review-queue__title`, `review-queue__issuer`; `review-queue-empty`,
 * `review-queue-error`.
 */
import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import type { DemandSummary } from '@jiebang/shared';
import * as review from '../../../../services/review';
import * as auth from '../../../../services/auth';
import { errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { StatusBadge } from '../../../../components/status-badge';
import { fieldText, regionText } from '../../../../lib/format';
import { authorityName, authorityOf } from '../../../../lib/roles';
import './index.scss';

const DETAIL = '/subpackages/authority/pages/review-demand/index';

type Status = 'loading' | 'ready' | 'error';

function routeText(d: DemandSummary): string {
  if (d.status === 'forwarded') return '省级初核通过转报';
  if (d.channel === 'ministry') return '企业直接报送';
  return '待省级初核';
}

export default function ReviewQueuePage() {
  const [items, setItems] = useState<DemandSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [error, setError] = useState('');
  const [who, setWho] = useState<ReturnType<typeof authorityOf>>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const hasData = useRef(false);

  const loadFirst = useCallback(async (quiet: boolean) => {
    const gen = ++generation.current;
    if (!quiet) setStatus('loading');
    try {
      const [page, me] = await Promise.all([review.queue({ limit: 20 }), auth.me()]);
      if (gen !== generation.current) return;
      setWho(authorityOf(me.user.roles));
      setItems(page.items);
      setTotal(page.counts.total);
      setCursor(page.nextCursor);
      setStatus('ready');
      hasData.current = true;
    } catch (err) {
      if (gen !== generation.current) return;
      if (quiet && hasData.current) void Taro.showToast({ title: errorMessage(err), icon: 'none' });
      else {
        setError(errorMessage(err));
        setStatus('error');
      }
    } finally {
      Taro.stopPullDownRefresh();
    }
  }, []);

  const loadMore = async () => {
    if (!cursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    try {
      const page = await review.queue({ limit: 20, cursor });
      if (gen !== generation.current) return;
      setItems((prev) => [...prev, ...page.items.filter((i) => !prev.some((p) => p.id === i.id))]);
      setCursor(page.nextCursor);
      setTotal(page.counts.total);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  };

  // Also when coming back from a decision: the decided demand has left the queue.
  useDidShow(() => void loadFirst(hasData.current));
  usePullDownRefresh(() => void loadFirst(true));
  useReachBottom(() => void loadMore());

  const isMinistry = who?.kind === 'ministry';

  return (
    <View className="review-queue">
      <View className="review-queue__hero">
        <Text className="review-queue__heading">审核工作台</Text>
        <Text className="review-queue__authority">{who ? authorityName(who) : ' '}</Text>
        <View className="review-queue__stats">
          <View className="review-queue__stat">
            <Text className="review-queue__count">{status === 'ready' ? total : '–'}</Text>
            <Text className="review-queue__stat-label">{isMinistry ? '待审核发布' : '待初核'}</Text>
          </View>
          <Text className="review-queue__stat-hint">
            {isMinistry
              ? '含省级转报与企业直接报送的需求，按报送时间先后排列'
              : '本地区企业报送的需求，按报送时间先后排列'}
          </Text>
        </View>
      </View>

      {status === 'loading' && <SkeletonCards count={3} />}
      {status === 'error' && (
        <ErrorState className="review-queue-error" message={error} onRetry={() => void loadFirst(false)} />
      )}
      {status === 'ready' && items.length === 0 && (
        <EmptyState
          className="review-queue-empty"
          text="暂无待审核的需求"
          hint="新的需求报送后会出现在这里，下拉可刷新"
        />
      )}

      {status === 'ready' && items.length > 0 && (
        <View className="review-queue__list">
          {items.map((d) => (
            <View
              key={d.id}
              className="review-queue__item"
              data-id={d.id}
              data-status={d.status}
              hoverClass="review-queue__item--pressed"
              onClick={() => void Taro.navigateTo({ url: `${DETAIL}?id=${encodeURIComponent(d.id)}` })}
            >
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
            </View>
          ))}
          <View className="review-queue__more">
            {loadingMore ? (
              <Text>正在加载更多…</Text>
            ) : cursor ? (
              <Text className="review-queue__more-link" onClick={() => void loadMore()}>
                点击加载更多
              </Text>
            ) : (
              <Text>— 已显示全部 {items.length} 项 —</Text>
            )}
          </View>
        </View>
      )}
    </View>
  );
}
