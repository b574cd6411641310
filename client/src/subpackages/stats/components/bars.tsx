/**
 * A horizontal bar chart of plain Views (README "Statistics": why not a canvas chart library): each bar's width is
 * its share of the largest value, the figure is printed beside it, so it reads the same in the mini-program, in
 * H5 and to a screen reader.
 */
import { Text, View } from '@tarojs/components';
import './bars.scss';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

export function Bars({
  bars,
  className = '',
  tone = 'primary',
  onTap,
}: {
  bars: Bar[];
  className?: string;
  tone?: string;
  /** A bar was tapped (e.g. a region: open its dashboard). */
  onTap?: (key: string) => void;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (bars.length === 0) return <Text className="bars__empty">暂无数据</Text>;
  return (
    <View className={`bars bars--${tone} ${className}`}>
      {bars.map((b) => (
        <View key={b.key} className="bars__row" data-key={b.key} onClick={onTap ? () => onTap(b.key) : undefined}>
          <Text className="bars__label">{b.label}</Text>
          <View className="bars__track">
            <View className="bars__fill" style={{ width: b.value ? `${Math.max(2, (b.value / max) * 100)}%` : '0' }} />
          </View>
          <Text className="bars__value">{b.value}</Text>
        </View>
      ))}
    </View>
  );
}

/** Vertical columns, one per month (the trend); the tallest is the largest value. */
export function Columns({ bars, className = '' }: { bars: Bar[]; className?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <View className={`columns ${className}`}>
      {bars.map((b) => (
        <View key={b.key} className="columns__col" data-key={b.key}>
          <Text className="columns__value">{b.value || ''}</Text>
          <View className="columns__track">
            <View className="columns__fill" style={{ height: `${(b.value / max) * 100}%` }} />
          </View>
          <Text className="columns__label">{b.label}</Text>
        </View>
      ))}
    </View>
  );
}
