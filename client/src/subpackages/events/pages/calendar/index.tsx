/**
 * 活动日历: the public calendar of “百场万企” matchmaking events, filtered by type (chips), industrial chain and
 * region (pickers) and 即将举办 (upcoming: not started yet, soonest first; otherwise latest first).
 *
 * Test hooks: `ev-type-chip` (`data-value`, `is-active`), `ev-filter-chain`, `ev-filter-region`, `ev-upcoming`
 * (`is-active`), `ev-card` (`data-id`), `ev-calendar-empty`, `ev-calendar-error`.
 */
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EVENT_TYPES, FIELDS } from '@jiebang/shared';
import type { EventCard, EventType, FieldKey } from '@jiebang/shared';
import * as events from '../../../../services/events';
import { errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { chainText, eventStatusText, eventTimeText, eventTypeText } from '../../../../lib/events';
import { regionText } from '../../../../lib/format';
import '../../events.scss';
import { chipFilter, FilterChips, FilterPicker, filterOptions, REGION_FILTER } from '../../../../components/filters';
import { useFilters } from '../../../../hooks/use-filters';
import './index.scss';

const CHAIN_FILTER = filterOptions('全部产业链', FIELDS);
const TYPE_CHIPS = chipFilter('全部类型', EVENT_TYPES, 'ev-calendar__chips', 'ev-type-chip');

interface Filters {
  type?: EventType;
  chain?: FieldKey;
  region?: string;
  upcoming: boolean;
}

export function EventCardView({ item, onOpen }: { item: EventCard; onOpen: (id: string) => void }) {
  return (
    <View className="ev-card" data-id={item.id} hoverClass="ev-card--pressed" onClick={() => onOpen(item.id)}>
      <View className="ev-card__tags">
        <Text className="ev-card__tag">{eventTypeText(item.type)}</Text>
        <Text className="ev-card__tag">{chainText(item.chain)}</Text>
        <Text
          className={`ev-card__tag ${item.status === 'published' ? 'ev-card__tag--status' : 'ev-card__tag--muted'}`}
        >
          {eventStatusText(item.status)}
        </Text>
      </View>
      <Text className="ev-card__title">{item.title}</Text>
      <Text className="ev-card__meta">
        {eventTimeText(item.startsAt, item.endsAt)} · {regionText(item.region)}
      </Text>
      <Text className="ev-card__meta">
        {item.venue ?? '线上活动'}
        {item.online && item.venue ? ' · 含线上' : ''} · 主办：{item.organiserName}
      </Text>
    </View>
  );
}

export default function CalendarPage() {
  const [filters, setFilters, set] = useFilters<Filters>({ upcoming: true });
  const fetchPage = useCallback(
    (cursor: string | null) => events.calendar({ ...filters, limit: 20, cursor }),
    [filters],
  );
  const { status, error, items, cursor, loadingMore, moreError, reload } = usePagedList(fetchPage);
  const open = (id: string) => void Taro.navigateTo({ url: `/subpackages/events/pages/event/index?id=${id}` });

  return (
    <View className="ev-calendar">
      <View className="ev-calendar__hero">
        <Text className="ev-calendar__heading">“百场万企”融通对接活动</Text>
        <Text className="ev-calendar__sub">大中小企业供需对接 · 报名参会 · 一对一洽谈</Text>
      </View>
      <View className="ev-calendar__filters">
        <FilterChips spec={TYPE_CHIPS} value={filters.type} onChange={set('type')} />
        <View className="ev-calendar__row">
          <FilterPicker options={CHAIN_FILTER} value={filters.chain} onChange={set('chain')}>
            {(label) => (
              <View className={`ev-filter ev-filter-chain${filters.chain ? ' is-active' : ''}`}>{label} ▾</View>
            )}
          </FilterPicker>
          <FilterPicker options={REGION_FILTER} value={filters.region} onChange={set('region')}>
            {(label) => (
              <View className={`ev-filter ev-filter-region${filters.region ? ' is-active' : ''}`}>{label} ▾</View>
            )}
          </FilterPicker>
          <View
            className={`ev-filter ev-upcoming${filters.upcoming ? ' is-active' : ''}`}
            onClick={() => setFilters((f) => ({ ...f, upcoming: !f.upcoming }))}
          >
            即将举办
          </View>
        </View>
      </View>
      <View
        className="ev-calendar__mine"
        onClick={() => void Taro.navigateTo({ url: '/subpackages/events/pages/mine/index' })}
      >
        我的活动 ›
      </View>
      {status === 'loading' && <SkeletonCards />}
      {status === 'error' && (
        <ErrorState className="ev-calendar-error" message={errorMessage(error)} onRetry={reload} />
      )}
      {status === 'ready' && items.length === 0 && (
        <EmptyState
          className="ev-calendar-empty"
          text={filters.upcoming ? '暂无即将举办的活动' : '暂无活动'}
          hint={filters.type || filters.chain || filters.region ? '可以减少筛选条件再看看' : undefined}
        />
      )}
      {status === 'ready' && items.map((item) => <EventCardView key={item.id} item={item} onOpen={open} />)}
      {status === 'ready' && items.length > 0 && (
        <Text className="ev-calendar__more">
          {loadingMore ? '加载中…' : moreError || (cursor ? '上拉加载更多' : '没有更多了')}
        </Text>
      )}
    </View>
  );
}
