import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { EventType, FieldKey } from '@jiebang/shared';
import { chainText, eventStatusText, eventTypeText } from '../../lib/events';

/** A tag of an event: plain, `status` (blue) or `muted` (grey). */
export interface EventTag {
  text: string;
  tone?: 'status' | 'muted';
}

/** An event's type, chain and status; the status blue unless `muted`. */
export function eventTags(
  e: { type: EventType; chain: FieldKey } & Parameters<typeof eventStatusText>[0],
  muted = false,
): EventTag[] {
  return [
    { text: eventTypeText(e.type) },
    { text: chainText(e.chain) },
    { text: eventStatusText(e), tone: muted ? 'muted' : 'status' },
  ];
}

/** The row of tags of an event card or page (`ev-card__tags`; styles in the events subpackage's events.scss). */
export function EventTags({ tags }: { tags: readonly EventTag[] }) {
  return (
    <View className="ev-card__tags">
      {tags.map((t, i) => (
        <Text key={i} className={`ev-card__tag${t.tone ? ` ev-card__tag--${t.tone}` : ''}`}>
          {t.text}
        </Text>
      ))}
    </View>
  );
}

/** A tappable card of an event list (`ev-card`): its tags, its title, then the lines the list adds. */
export function EventListCard({
  className = '',
  id,
  eventId,
  tags,
  title,
  onOpen,
  children,
}: {
  className?: string;
  /** `data-id` (the tests' hook). */
  id?: string;
  /** `data-event`, on a card of a registration. */
  eventId?: string;
  tags: readonly EventTag[];
  title: string;
  onOpen: () => void;
  children: ReactNode;
}) {
  return (
    <View
      className={`ev-card ${className}`}
      data-id={id}
      data-event={eventId}
      hoverClass="ev-card--pressed"
      onClick={onOpen}
    >
      <EventTags tags={tags} />
      <Text className="ev-card__title">{title}</Text>
      {children}
    </View>
  );
}
