import type { ReactNode } from 'react';
import { Picker, ScrollView, View } from '@tarojs/components';
import { AUTHORITY_REGION_CODES, regionName } from '@jiebang/shared';

/** What a filter chooses among: its keys, and the labels of "all" (first) and of each key. */
export interface FilterOptions<K extends string> {
  keys: readonly K[];
  labels: readonly string[];
}

/** The options of an enumeration (key → label), "all" first. */
export function filterOptions<K extends string>(all: string, labels: Readonly<Record<K, string>>): FilterOptions<K> {
  const keys = Object.keys(labels) as K[];
  return { keys, labels: [all, ...keys.map((k) => labels[k])] };
}

/** The provincial-level regions, in their official order, 全国 first. */
export const REGION_FILTER: FilterOptions<string> = {
  keys: AUTHORITY_REGION_CODES,
  labels: ['全国', ...AUTHORITY_REGION_CODES.map((c) => regionName(c))],
};

/** A row of filter chips: its options and classes (the row, its inner strip `${className}-inner`, each chip). */
export interface ChipFilterSpec<K extends string> extends FilterOptions<K> {
  className: string;
  chipClass: string;
}

/** The chips of an enumeration, "all" first. */
export function chipFilter<K extends string>(
  all: string,
  labels: Readonly<Record<K, string>>,
  className: string,
  chipClass: string,
): ChipFilterSpec<K> {
  return { ...filterOptions(all, labels), className, chipClass };
}

/**
 * Chips scrolling sideways that filter by one key or none ("all" first): the chosen chip is `is-active`, each
 * carries `data-value` (empty for "all").
 */
export function FilterChips<K extends string>({
  spec,
  value,
  onChange,
}: {
  spec: ChipFilterSpec<K>;
  value: K | undefined;
  onChange: (key: K | undefined) => void;
}) {
  return (
    <ScrollView className={spec.className} scrollX enhanced showScrollbar={false}>
      <View className={`${spec.className}-inner`}>
        {[undefined, ...spec.keys].map((key, i) => (
          <View
            key={key ?? 'all'}
            className={`${spec.chipClass}${value === key ? ' is-active' : ''}`}
            data-value={key ?? ''}
            onClick={() => onChange(key)}
          >
            {spec.labels[i]}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}

/** A selector that filters by one key or none (index 0); it shows `children(label)` of the current choice. */
export function FilterPicker<K extends string>({
  options,
  value,
  onChange,
  children,
}: {
  options: FilterOptions<K>;
  value: K | undefined;
  onChange: (key: K | undefined) => void;
  children: (label: string) => ReactNode;
}) {
  const index = value ? options.keys.indexOf(value) + 1 : 0;
  return (
    <Picker
      mode="selector"
      range={options.labels as string[]}
      value={index}
      onChange={(e) => {
        const i = Number(e.detail.value);
        onChange(i > 0 ? options.keys[i - 1] : undefined);
      }}
    >
      {children(options.labels[index] ?? '')}
    </Picker>
  );
}
