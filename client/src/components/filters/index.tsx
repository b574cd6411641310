import type { ReactNode } from 'react';
import { Picker, ScrollView, View } from '@tarojs/components';

/**
 * Chips scrolling sideways that filter by one key or none ("all" first): the chosen chip is `is-active`, each
 * carries `data-value` (empty for "all"). The row is `className`, its inner strip `${className}-inner`.
 */
export function FilterChips<K extends string>({
  className,
  chipClass,
  keys,
  labels,
  allText,
  value,
  onChange,
}: {
  className: string;
  chipClass: string;
  keys: readonly K[];
  labels: Readonly<Record<K, string>>;
  allText: string;
  value: K | undefined;
  onChange: (key: K | undefined) => void;
}) {
  return (
    <ScrollView className={className} scrollX enhanced showScrollbar={false}>
      <View className={`${className}-inner`}>
        {[undefined, ...keys].map((key) => (
          <View
            key={key ?? 'all'}
            className={`${chipClass}${value === key ? ' is-active' : ''}`}
            data-value={key ?? ''}
            onClick={() => onChange(key)}
          >
            {key ? labels[key] : allText}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}

/**
 * A selector that filters by one key or none: `labels` is its range, "all" first, then the label of each key;
 * it shows `children(label)` of the current choice.
 */
export function FilterPicker<K extends string>({
  keys,
  labels,
  value,
  onChange,
  children,
}: {
  keys: readonly K[];
  labels: readonly string[];
  value: K | undefined;
  onChange: (key: K | undefined) => void;
  children: (label: string) => ReactNode;
}) {
  const index = value ? keys.indexOf(value) + 1 : 0;
  return (
    <Picker
      mode="selector"
      range={labels as string[]}
      value={index}
      onChange={(e) => {
        const i = Number(e.detail.value);
        onChange(i > 0 ? keys[i - 1] : undefined);
      }}
    >
      {children(labels[index] ?? '')}
    </Picker>
  );
}
