import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';

/**
 * The cards of an authority's queue: each opens `url(item)` on a tap — or, when `onPick` is given (the list +
 * detail layout of wide screens), calls it instead and marks the `selected` card `is-selected` — and carries
 * `data-id` and `data-status` for the tests, and `queue-card` for the split layout (components/queue-split);
 * `children(item)` is the card's content.
 */
export function QueueCards<T extends { id: string; status: string }>(p: {
  items: T[];
  className: string;
  url: (item: T) => string;
  onPick?: (item: T) => void;
  selected?: string | null;
  children: (item: T) => ReactNode;
}) {
  return (
    <>
      {p.items.map((item) => (
        <View
          key={item.id}
          className={`queue-card ${p.className}${p.onPick && item.id === p.selected ? ' is-selected' : ''}`}
          data-id={item.id}
          data-status={item.status}
          hoverClass={`${p.className}--pressed`}
          onClick={() => (p.onPick ? p.onPick(item) : void Taro.navigateTo({ url: p.url(item) }))}
        >
          {p.children(item)}
        </View>
      ))}
    </>
  );
}
