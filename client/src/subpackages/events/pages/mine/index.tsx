/**
 * 我的活动: the enterprise's registrations, soonest event first; each opens its pass and schedule.
 * Test hooks: `ev-mine__item` (`data-event`), `ev-mine-empty`.
 */
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as events from '../../../../services/events';
import { errorMessage } from '../../../../services/http';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { registrationStatusText, shortTime } from '../../../../lib/events';
import { REGISTRATION_ROLES } from '@jiebang/shared';
import '../../events.scss';
import { EventListCard } from '../../../../components/event-card';
import './index.scss';

export default function MyEventsPage() {
  const fetchPage = useCallback((cursor: string | null) => events.mine(cursor), []);
  const { status, error, items, reload } = usePagedList(fetchPage, { reloadOn: 'show' });
  const calendar = () => void Taro.navigateTo({ url: '/subpackages/events/pages/calendar/index' });
  return (
    <View className="ev-mine">
      {status === 'loading' && <SkeletonCards />}
      {status === 'error' && <ErrorState message={errorMessage(error)} onRetry={reload} />}
      {status === 'ready' && items.length === 0 && (
        <EmptyState className="ev-mine-empty" text="还没有报名活动" actionText="去活动日历看看" onAction={calendar} />
      )}
      {status === 'ready' &&
        items.map((r) => (
          <EventListCard
            key={r.id}
            className="ev-mine__item"
            eventId={r.eventId}
            tags={[
              { text: REGISTRATION_ROLES[r.role] },
              { text: registrationStatusText(r.status), tone: r.status === 'approved' ? 'status' : 'muted' },
            ]}
            title={r.eventTitle}
            onOpen={() => void Taro.navigateTo({ url: `/subpackages/events/pages/pass/index?id=${r.eventId}` })}
          >
            <Text className="ev-card__meta">{shortTime(r.eventStartsAt)} 开始</Text>
          </EventListCard>
        ))}
    </View>
  );
}
