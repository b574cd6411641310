import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CatalogueItem } from '@jiebang/shared';
import * as catalogue from '../../services/catalogue';
import { errorMessage } from '../../services/http';
import { DemandCard } from '../../components/demand-card';
import { EmptyState, ErrorState, SkeletonCards } from '../../components/state-view';
import { useNow } from '../../hooks/use-now';
import './index.scss';

const PAGE_SIZE = 20;

type Status = 'loading' | 'ready' | 'error';

export default function CataloguePage() {
  const [items, setItems] = useState<CatalogueItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [error, setError] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');
  const now = useNow(30_000);
  // Answers of superseded requests (a refresh overtaking a "load more") are dropped.
  const generation = useRef(0);
  const hasData = useRef(false);

  const loadFirst = useCallback(async (mode: 'initial' | 'refresh') => {
    const gen = ++generation.current;
    if (mode === 'initial') setStatus('loading');
    setMoreError('');
    try {
      const page = await catalogue.list({ limit: PAGE_SIZE });
      if (gen !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      setStatus('ready');
      hasData.current = true;
    } catch (err) {
      if (gen !== generation.current) return;
      if (mode === 'refresh' && hasData.current) {
        void Taro.showToast({ title: errorMessage(err), icon: 'none' });
      } else {
        setError(errorMessage(err));
        setStatus('error');
      }
    } finally {
      if (mode === 'refresh') Taro.stopPullDownRefresh();
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (status !== 'ready' || !cursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    setMoreError('');
    try {
      const page = await catalogue.list({ limit: PAGE_SIZE, cursor });
      if (gen !== generation.current) return;
      setItems((prev) => {
        const seen = new Set(prev.map((i) => i.id));
        return [...prev, ...page.items.filter((i) => !seen.has(i.id))];
      });
      setCursor(page.nextCursor);
    } catch (err) {
      if (gen === generation.current) setMoreError(errorMessage(err));
    } finally {
      setLoadingMore(false);
    }
  }, [status, cursor, loadingMore]);

  useEffect(() => {
    void loadFirst('initial');
  }, [loadFirst]);

  usePullDownRefresh(() => void loadFirst('refresh'));
  useReachBottom(() => void loadMore());

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/demand-detail/index?id=${encodeURIComponent(id)}` });

  return (
    <View className="catalogue">
      <View className="catalogue__hero">
        <Text className="catalogue__heading">需求目录 · 大企业发榜</Text>
        <Text className="catalogue__sub">大企业发布技术创新需求，中小企业揭榜攻关</Text>
      </View>

      {status === 'loading' && <SkeletonCards count={4} />}

      {status === 'error' && (
        <ErrorState className="catalogue-error" message={error} onRetry={() => void loadFirst('initial')} />
      )}

      {status === 'ready' && items.length === 0 && (
        <EmptyState className="catalogue-empty" text="暂无已发布的需求" hint="新的需求经工业和信息化部审核后在此发布" />
      )}

      {status === 'ready' && items.length > 0 && (
        <View className="catalogue__list">
          {items.map((item) => (
            <DemandCard key={item.id} item={item} now={now} onOpen={open} />
          ))}
          <View className="catalogue__more">
            {loadingMore && <Text>正在加载更多…</Text>}
            {!loadingMore && moreError && (
              <Text className="catalogue__more-retry" onClick={() => void loadMore()}>
                {moreError}，点击重试
              </Text>
            )}
            {!loadingMore && !moreError && cursor && (
              <Text className="catalogue__more-retry" onClick={() => void loadMore()}>
                上滑或点击加载更多
              </Text>
            )}
            {!loadingMore && !moreError && !cursor && <Text>— 已显示全部 {items.length} 项需求 —</Text>}
          </View>
        </View>
      )}
    </View>
  );
}
