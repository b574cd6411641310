import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

/** One thing matched, with the reasons it matched. */
export interface MatchItem {
  id: string;
  /** `data-kind` (the tests' hook) where the panel mixes kinds. */
  kind?: string;
  title: string;
  meta: ReactNode;
  reasons: readonly string[];
  /** Opens it; nothing where there is nothing to open. */
  open?: () => void;
}

/**
 * A panel of matches (为你推荐, 匹配的企业与成果): its title and what the ranking weighs, a line when there is
 * none, then a card each (`recommendation` plus `itemClass`, `data-id`).
 */
export function MatchPanel({
  className = '',
  title,
  sub,
  empty,
  items,
  itemClass = '',
  pressable,
}: {
  className?: string;
  title: string;
  sub: string;
  empty: string;
  items: readonly MatchItem[];
  itemClass?: string;
  /** Cards that darken while touched. */
  pressable?: boolean;
}) {
  return (
    <View className={`recommendations ${className}`}>
      <View className="recommendations__head">
        <Text className="recommendations__title">{title}</Text>
        <Text className="recommendations__sub">{sub}</Text>
      </View>
      {items.length === 0 && <Text className="recommendations__empty">{empty}</Text>}
      {items.map((m) => (
        <View
          key={`${m.kind ?? ''}:${m.id}`}
          className={`recommendation ${itemClass}`}
          data-kind={m.kind}
          data-id={m.id}
          hoverClass={pressable ? 'recommendation--pressed' : undefined}
          onClick={m.open}
        >
          <Text className="recommendation__title">{m.title}</Text>
          <Text className="recommendation__meta">{m.meta}</Text>
          {m.reasons.map((reason) => (
            <Text key={reason} className="recommendation__reason">
              {reason}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
