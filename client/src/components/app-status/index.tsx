import { Text, View } from '@tarojs/components';
import type { ApplicationStatus } from '@jiebang/shared';
import { statusLabel, statusTone, type TimelineEntry } from '../../lib/application';
import './index.scss';

/**
 * Status of a 揭榜申请 as a coloured badge (`app-status-badge`, `data-status` = the API status) and its timeline
 * (`app-status-timeline`, entries `app-status-timeline__item` with `is-done` / `is-current` / `is-todo`).
 */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <Text className={`app-status-badge app-status-badge--${statusTone(status)}`} data-status={status}>
      {statusLabel(status)}
    </Text>
  );
}

export function StatusTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <View className="app-status-timeline">
      {entries.map((e) => (
        <View key={e.key} className={`app-status-timeline__item is-${e.state}`}>
          <View className="app-status-timeline__rail">
            <View className="app-status-timeline__dot" />
            <View className="app-status-timeline__line" />
          </View>
          <View className="app-status-timeline__body">
            <Text className="app-status-timeline__title">{e.title}</Text>
            {e.at && <Text className="app-status-timeline__at">{e.at}</Text>}
            {e.note && <Text className="app-status-timeline__note">{e.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
