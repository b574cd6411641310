import type { ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Badge, Cell, CellGroup } from '@nutui/nutui-react-taro';
// The cell's styles bring its group's.
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/badge/style/css';
import { ICONS, type IconName } from './icons';
import './index.scss';

export type { IconName };

/**
 * A card of lines that each open something (我的's entries): NutUI's CellGroup and Cells — its white group, its
 * press shade and the rule between lines — themed from the tokens in app.scss. Classes: `entry-cells` (with
 * `className`) on the group, `entry-cell` (with the line's `className`, the tests' hook) on each line.
 */
export function EntryCells({ className = '', children }: { className?: string; children: ReactNode }) {
  return <CellGroup className={`entry-cells ${className}`}>{children}</CellGroup>;
}

/** One line: an icon on a tinted tile, a title and what it is for, then what waits behind it (`extra`) and the arrow. */
export function EntryCell({
  icon,
  title,
  desc,
  extra,
  last,
  className = '',
  onClick,
}: {
  icon: IconName;
  title: string;
  desc: string;
  extra?: ReactNode;
  /** The group's last line draws no rule under it (NutUI only knows that of its own Cells, not of ours). */
  last: boolean;
  className?: string;
  onClick: () => void;
}) {
  return (
    <Cell clickable radius={0} align="center" isLast={last} className={`entry-cell ${className}`} onClick={onClick}>
      <View className="entry-cell__icon" data-icon={icon}>
        <Image className="entry-cell__glyph" src={ICONS[icon]} mode="aspectFit" />
      </View>
      <View className="entry-cell__body">
        <Text className="entry-cell__title">{title}</Text>
        <Text className="entry-cell__desc">{desc}</Text>
      </View>
      {extra}
      <Text className="entry-cell__arrow">›</Text>
    </Cell>
  );
}

/** An unread count on NutUI's Badge (99+ above 99); nothing at 0. */
export function CountBadge({ count, className = '' }: { count: number; className?: string }) {
  if (count <= 0) return null;
  return <Badge value={count} max={99} className={`count-badge ${className}`} />;
}
