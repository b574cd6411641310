/**
 * 主办活动: the events the authority organises (drafts too), newest first; 创建活动 opens the form; a draft can be
 * published from here (after a confirmation), every event opens its console.
 * Test hooks: `org-events__create`, `org-events__item` (`data-id`), `org-events__publish`, `org-events-empty`.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as events from '../../../../services/events';
import { errorMessage } from '../../../../services/http';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { Button } from '../../../../components/button';
import { ActionButton } from '../../../../components/form';
import { PublishEventDialog } from '../../components/publish-dialog';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { eventTimeText } from '../../../../lib/events';
import '../../../events/events.scss';
import { EventListCard, eventTags } from '../../../../components/event-card';
import './index.scss';

export default function OrganisedEventsPage() {
  const fetchPage = useCallback((cursor: string | null) => events.organised(cursor), []);
  const { status, error, items, reload } = usePagedList(fetchPage, { reloadOn: 'show' });
  const [publishing, setPublishing] = useState<string | null>(null);

  return (
    <View className="org-events">
      <ActionButton
        className="org-events__create"
        text="创建活动"
        onClick={() => void Taro.navigateTo({ url: '/subpackages/organiser/pages/event-form/index' })}
      />
      {status === 'loading' && <SkeletonCards />}
      {status === 'error' && <ErrorState message={errorMessage(error)} onRetry={reload} />}
      {status === 'ready' && items.length === 0 && (
        <EmptyState
          className="org-events-empty"
          text="还没有主办的活动"
          hint="点上方“创建活动”填写活动信息，保存为草稿后发布到活动日历"
        />
      )}
      {status === 'ready' &&
        items.map((e) => (
          <EventListCard
            key={e.id}
            className="org-events__item"
            id={e.id}
            tags={eventTags(e)}
            title={e.title}
            onOpen={() => void Taro.navigateTo({ url: `/subpackages/organiser/pages/console/index?id=${e.id}` })}
          >
            <Text className="ev-card__meta">
              {eventTimeText(e.startsAt, e.endsAt)} · 已通过 {e.approvedCount}
              {e.capacity ? `/${e.capacity}` : ''} · 签到 {e.checkedInCount}
            </Text>
            {e.status === 'draft' && (
              <Button
                className="org-events__publish"
                onClick={(ev) => {
                  ev.stopPropagation();
                  setPublishing(e.id);
                }}
              >
                发布到活动日历
              </Button>
            )}
          </EventListCard>
        ))}
      <PublishEventDialog eventId={publishing} onClose={() => setPublishing(null)} onPublished={reload} />
    </View>
  );
}
