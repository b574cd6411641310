/**
 * The toolbar of the authorities' queues (issue 18): 待审/已审 tabs, a search of the title (applied 400 ms after
 * the last keystroke), the province and the channel (ministry only), the field, the submission day, and 清除筛选.
 * On 揭榜申请审核 the field and the channel are the demand's (an application's route is always SME → province →
 * ministry; the channel is labelled 需求报送渠道). The page owns the state; the server filters (GET
 * /v1/review/demands and /v1/review/applications take tab, region, field, channel, since, q).
 *
 * Test hooks: `queue-filters`, `queue-tabs` (NutUI's `nut-tabs-titles-item`), `queue-search` (type into
 * `.queue-search__input input` on H5), `queue-region`, `queue-field`, `queue-channel`, `queue-since` (pickers),
 * `queue-filters__clear`.
 */
import { useEffect, useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import { AUTHORITY_REGION_CODES, FIELDS, regionName } from '@jiebang/shared';
import type { Demand, FieldKey } from '@jiebang/shared';
import { beijingToday } from '../../../../lib/beijing-time';
import { Tabs } from '../../../../components/tabs';
import { SearchIcon } from '../../../../components/search-bar';
import './index.scss';

export type QueueTab = 'pending' | 'done';
type DemandChannel = NonNullable<Demand['channel']>;

export interface QueueFilters {
  tab: QueueTab;
  region?: string;
  field?: FieldKey;
  /** How the demand reached the ministry. */
  channel?: DemandChannel;
  /** Submitted on or after this Beijing day (YYYY-MM-DD). */
  since?: string;
  /** The applied search text, or ''. */
  q: string;
}

export const NO_FILTERS: QueueFilters = { tab: 'pending', q: '' };

/** Whether anything narrows the list (the tab aside). */
export const isFiltered = (f: QueueFilters) => Boolean(f.region || f.field || f.channel || f.since || f.q);

/** The query parameters of a queue request (absent filters are not sent). */
export function queueQuery(f: QueueFilters) {
  return {
    ...(f.tab === 'done' ? { tab: 'done' as const } : {}),
    ...(f.region ? { region: f.region } : {}),
    ...(f.field ? { field: f.field } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.since ? { since: f.since } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];
const SEARCH = { className: 'queue-search__input', maxlength: 40, confirmType: 'search' as const };
const REGION_LABELS = ['全部省份', ...AUTHORITY_REGION_CODES.map((c) => regionName(c))];
const FIELD_LABELS = ['全部领域', ...FIELD_KEYS.map((k) => FIELDS[k])];
const CHANNELS: DemandChannel[] = ['province', 'ministry'];
/** How a demand reached the ministry, in words (the queue's filter and 揭榜申请审核's detail). */
export const CHANNEL_NAMES: Record<DemandChannel, string> = { province: '省级转报', ministry: '企业直接报送' };
const CHANNEL_LABELS = {
  demands: ['全部渠道', ...CHANNELS.map((c) => CHANNEL_NAMES[c])],
  // An application's own route never varies: what varies is how its demand was submitted.
  applications: ['需求报送渠道', '需求·省级转报', '需求·企业直报'],
};

function Select({
  name,
  labels,
  index,
  onPick,
}: {
  name: string;
  labels: string[];
  index: number;
  onPick: (index: number) => void;
}) {
  return (
    <Picker mode="selector" range={labels} value={index} onChange={(e) => onPick(Number(e.detail.value))}>
      <View className={`queue-select ${name}${index > 0 ? ' is-active' : ''}`}>
        <Text className="queue-select__value">{labels[index]}</Text>
        <Text className="queue-select__arrow">▾</Text>
      </View>
    </Picker>
  );
}

/** 报送日期起: a date picker (today at most); 不限 while unset. */
function SincePicker({ value, onPick }: { value?: string; onPick: (day: string) => void }) {
  const today = beijingToday();
  return (
    <Picker mode="date" value={value ?? today} end={today} onChange={(e) => onPick(String(e.detail.value))}>
      <View className={`queue-select queue-since${value ? ' is-active' : ''}`}>
        <Text className="queue-select__value">{value ? `${value.slice(5).replace('-', '月')}日起` : '报送日期'}</Text>
        <Text className="queue-select__arrow">▾</Text>
      </View>
    </Picker>
  );
}

export function QueueFiltersBar({
  value,
  onChange,
  pendingCount,
  byRegion,
  of,
  placeholder,
}: {
  value: QueueFilters;
  onChange: (f: QueueFilters) => void;
  /** 待审 n, when known. */
  pendingCount?: number;
  /** The ministry filters by province; a province's queue is its own region already. */
  byRegion: boolean;
  /** Which queue: the channel's labels (揭榜申请审核: the demand's 需求报送渠道). */
  of: keyof typeof CHANNEL_LABELS;
  placeholder: string;
}) {
  const [text, setText] = useState(value.q);
  useEffect(() => {
    const q = text.trim().slice(0, 40);
    if (q === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q }), 400);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  const filtered = isFiltered(value);
  const regionIndex = value.region ? AUTHORITY_REGION_CODES.indexOf(value.region) + 1 : 0;
  const fieldIndex = value.field ? FIELD_KEYS.indexOf(value.field) + 1 : 0;
  const selects = [
    ...(byRegion
      ? [
          {
            name: 'queue-region',
            labels: REGION_LABELS,
            index: regionIndex,
            onPick: (i: number) => onChange({ ...value, region: i > 0 ? AUTHORITY_REGION_CODES[i - 1] : undefined }),
          },
        ]
      : []),
    {
      name: 'queue-field',
      labels: FIELD_LABELS,
      index: fieldIndex,
      onPick: (i: number) => onChange({ ...value, field: i > 0 ? FIELD_KEYS[i - 1] : undefined }),
    },
    ...(byRegion
      ? [
          {
            name: 'queue-channel',
            labels: CHANNEL_LABELS[of],
            index: value.channel ? CHANNELS.indexOf(value.channel) + 1 : 0,
            onPick: (i: number) => onChange({ ...value, channel: i > 0 ? CHANNELS[i - 1] : undefined }),
          },
        ]
      : []),
  ];

  return (
    <View className="queue-filters">
      <Tabs
        className="queue-tabs"
        items={[
          { key: 'pending' as const, label: '待审', count: pendingCount },
          { key: 'done' as const, label: '已审' },
        ]}
        value={value.tab}
        onChange={(tab) => onChange({ ...value, tab })}
      />
      <View className="queue-filters__row">
        <View className="queue-search">
          <SearchIcon name="queue-search" />
          <Input {...SEARCH} value={text} placeholder={placeholder} onInput={(e) => setText(e.detail.value)} />
        </View>
      </View>
      <View className="queue-filters__row">
        {selects.map((x) => (
          <Select key={x.name} {...x} />
        ))}
        <SincePicker value={value.since} onPick={(since) => onChange({ ...value, since })} />
        {filtered && (
          <Text
            className="queue-filters__clear"
            onClick={() => {
              setText('');
              onChange({ tab: value.tab, q: '' });
            }}
          >
            清除筛选
          </Text>
        )}
      </View>
    </View>
  );
}

/** What 已审 says of each decision. */
export const DECISION_TEXT: Record<string, string> = {
  forward: '已转报',
  return: '已退回',
  publish: '已发布',
  reject: '不予发布',
  release: '已提交评审',
};
