/**
 * 需求目录: published demands, newest first, filtered by field (chips), authority region, open-only, and a
 * keyword (debounced); pull to refresh, load more at the bottom.
 *
 * Test hooks: `catalogue-search` (wrapper) with `catalogue-search__input` and `catalogue-search__clear`,
 * `catalogue-search__hint`; `field-chip` (`data-value`, "" for 全部; `is-active`); `catalogue-region` (picker);
 * `catalogue-open` (toggle chip, `is-active`); `catalogue-filters__clear`; `demand-card*`; `catalogue-empty`
 * (`catalogue-empty--filtered` when filters are on), `catalogue-error`. On H5, type into
 * `.catalogue-search__input input` (the class sits on Taro's wrapper).
 */
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEMAND_TRACKS, FIELDS } from '@jiebang/shared';
import type { DemandTrack, FieldKey } from '@jiebang/shared';
import * as catalogue from '../../services/catalogue';
import { errorMessage } from '../../services/http';
import { DemandCard } from '../../components/demand-card';
import { EmptyState, ErrorState, SkeletonCards } from '../../components/state-view';
import { useNow } from '../../hooks/use-now';
import { usePagedList } from '../../hooks/use-paged-list';
import { Recommendations } from '../../components/recommendations';
import { chipFilter, FilterChips, FilterPicker, REGION_FILTER } from '../../components/filters';
import { useFilters } from '../../hooks/use-filters';
import { Tabs, type TabItem } from '../../components/tabs';
import { SearchBar, useSearchText } from '../../components/search-bar';
import './index.scss';

const PAGE_SIZE = 20;
const FIELD_CHIPS = chipFilter('全部', FIELDS, 'catalogue-filters__chips', 'field-chip');

/** SME 发榜 (library area): the catalogue's two tracks, or both. */
const TRACK_TABS: TabItem<'all' | DemandTrack>[] = [
  { key: 'all', label: '全部' },
  { key: 'large', label: DEMAND_TRACKS.large },
  { key: 'sme', label: DEMAND_TRACKS.sme },
];

interface Filters {
  track?: DemandTrack;
  field?: FieldKey;
  region?: string;
  open: boolean;
  /** The applied keyword (debounced, at least two characters), or ''. */
  q: string;
}

/**
 * The server indexes runs of two or more letters/digits: a keyword without one cannot match anything, so it is
 * not sent (the box says so instead).
 */
function searchable(text: string): boolean {
  return text
    .split(/[\s,，。.、;；:：!！?？'"“”‘’()（）[\]【】<>《》\-_/\\|+=*&^%$#@~`]+/)
    .some((run) => run.length >= 2);
}

export default function CataloguePage() {
  const [filters, setFilters, set] = useFilters<Filters>({ open: false, q: '' });
  const now = useNow(30_000);

  // A new fetcher per filter change: the list loads again from the first page.
  const fetchPage = useCallback(
    (cursor: string | null) =>
      catalogue.list({
        limit: PAGE_SIZE,
        cursor,
        field: filters.field,
        region: filters.region,
        q: filters.q || undefined,
        open: filters.open ? true : undefined,
        track: filters.track,
      }),
    [filters],
  );
  const { status, error, items, cursor, loadingMore, moreError, reload, loadMore } = usePagedList(fetchPage);

  const applyQuery = useCallback((q: string) => setFilters((f) => ({ ...f, q })), [setFilters]);
  const search = useSearchText(filters.q, applyQuery, 50, searchable);

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/demand-detail/index?id=${encodeURIComponent(id)}` });
  const filtered = Boolean(filters.track || filters.field || filters.region || filters.open || filters.q);
  const clearFilters = () => {
    search.setText('');
    setFilters({ open: false, q: '' });
  };
  const tooShort = search.text.trim() !== '' && !searchable(search.text.trim());

  return (
    <View className="catalogue">
      <View className="catalogue__hero">
        <Text className="catalogue__heading">需求目录 · 揭榜挂帅</Text>
        <Text className="catalogue__sub">大企业发榜、中小企业揭榜；中小企业发榜、高校院所揭榜</Text>
        {/* events (百场万企): the calendar's entry */}
        <Text
          className="catalogue__events"
          onClick={() => void Taro.navigateTo({ url: '/subpackages/events/pages/calendar/index' })}
        >
          “百场万企”对接活动日历 ›
        </Text>
        <SearchBar name="catalogue-search" search={search} placeholder="搜索需求名称、技术难点、指标" />
        {tooShort && <Text className="catalogue-search__hint">请至少输入 2 个连续的字或字母</Text>}
        <Text
          className="catalogue__library-link"
          onClick={() => void Taro.navigateTo({ url: '/subpackages/library/pages/index/index' })}
        >
          科技成果库：高校、科研院所成果对接 ›
        </Text>
      </View>

      <View className="catalogue-filters">
        <Tabs
          className="catalogue-tracks"
          items={TRACK_TABS}
          value={filters.track ?? 'all'}
          onChange={(key) => setFilters((f) => ({ ...f, track: key === 'all' ? undefined : key }))}
        />
        <FilterChips spec={FIELD_CHIPS} value={filters.field} onChange={set('field')} />
        <View className="catalogue-filters__row">
          <FilterPicker options={REGION_FILTER} value={filters.region} onChange={set('region')}>
            {(label) => (
              <View className={`catalogue-region${filters.region ? ' is-active' : ''}`}>
                <Text className="catalogue-region__label">地区</Text>
                <Text className="catalogue-region__value">{label}</Text>
                <Text className="catalogue-region__arrow">▾</Text>
              </View>
            )}
          </FilterPicker>
          <View
            className={`catalogue-open${filters.open ? ' is-active' : ''}`}
            role="switch"
            aria-checked={filters.open}
            onClick={() => setFilters((f) => ({ ...f, open: !f.open }))}
          >
            <View className="catalogue-open__box">{filters.open ? '✓' : ''}</View>
            <Text>只看可揭榜</Text>
          </View>
          {filtered && (
            <Text className="catalogue-filters__clear" onClick={clearFilters}>
              清除筛选
            </Text>
          )}
        </View>
      </View>

      {/* 科技成果赋智 (library area): demands matched to the signed-in organisation, with reasons. */}
      {!filtered && <Recommendations />}

      {status === 'loading' && <SkeletonCards count={4} />}

      {status === 'error' && <ErrorState className="catalogue-error" message={errorMessage(error)} onRetry={reload} />}

      {status === 'ready' && items.length === 0 && filtered && (
        <EmptyState
          className="catalogue-empty catalogue-empty--filtered"
          text="没有符合条件的需求"
          hint="换个关键词，或调整领域、地区等筛选条件"
          actionText="清除筛选"
          onAction={clearFilters}
        />
      )}

      {status === 'ready' && items.length === 0 && !filtered && (
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
            {!loadingMore && !moreError && !cursor && (
              <Text>
                — {filtered ? '符合条件的' : '已显示全部'} {items.length} 项需求 —
              </Text>
            )}
          </View>
        </View>
      )}
    </View>
  );
}
