import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { EmptyState } from '../../../../components/state-view';
import './index.scss';

/**
 * The list + detail layout of the authorities' queues (审核工作台, 揭榜申请审核) from 768 px wide (`wide`, see
 * hooks/use-wide): the list (`children`, its cards from `QueueCards` with `onPick`) on the left, the picked item's
 * review (`pane(id)`) on the right, each scrolling on its own; until an item is picked the pane says `pick`.
 * Narrower, only the list shows and a card opens its page. The list's wrapper carries `queue-split__list`.
 *
 * Test hooks, from `name`: `<name>__body` (`is-split` when wide), `<name>__main`, `<name>__pane`, `<name>-pick`.
 */
export function QueueSplit({
  name,
  wide,
  selected,
  pane,
  pick,
  children,
}: {
  name: string;
  wide: boolean;
  selected: string | null;
  pane: (id: string) => ReactNode;
  pick: { text: string; hint: string };
  children: ReactNode;
}) {
  return (
    <View className={`queue-split ${name}__body${wide ? ' is-split' : ''}`}>
      <View className={`queue-split__main ${name}__main`}>{children}</View>
      {wide && (
        <View className={`queue-split__pane ${name}__pane`}>
          {selected ? pane(selected) : <EmptyState className={`${name}-pick`} text={pick.text} hint={pick.hint} />}
        </View>
      )}
    </View>
  );
}
