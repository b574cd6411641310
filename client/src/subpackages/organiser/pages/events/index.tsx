/**
 * 主办活动: the events the authority organises (drafts too), newest first; a draft can be published from here
 * (after a confirmation), every event opens its console.
 * Test hooks: `org-events__item` (`data-id`), `org-events__publish`, `org-events-empty`.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as events from '../../../../services/events';
import { errorMessage } from '../../../../services/http';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { Dialog } from '../../../../components/dialog';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { eventTimeText } from '../../../../lib/events';
import '../../../events/events.scss';
import { EventListCard, eventTags } from '../../../../components/event-card';
import './index.scss';
import { showModal } from '../../../../lib/modal';

export default function OrganisedEventsPage() {
  const fetchPage = useCallback((cursor: string | null) => events.organised(cursor), []);
  const { status, error, items, reload } = usePagedList(fetchPage, { reloadOn: 'show' });
  const [publishing, setPublishing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <View className="org-events">
      {status === 'loading' && <SkeletonCards />}
      {status === 'error' && <ErrorState message={errorMessage(error)} onRetry={reload} />}
      {status === 'ready' && items.length === 0 && (
        <EmptyState
          className="org-events-empty"
          text="还没有主办的活动"
          hint="活动由主管部门账号创建（POST /v1/events）"
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
              <View
                className="ev-mini-btn org-events__publish"
                onClick={(ev) => {
                  ev.stopPropagation();
                  setPublishing(e.id);
                }}
              >
                发布到活动日历
              </View>
            )}
          </EventListCard>
        ))}
      <Dialog
        open={!!publishing}
        title="发布活动"
        message="发布后活动进入公开的活动日历并开放报名，不能再改回草稿。"
        confirmText="发布"
        busy={busy}
        onCancel={() => setPublishing(null)}
        onConfirm={() => {
          setBusy(true);
          events
            .publish(publishing!)
            .then(
              () => {
                void Taro.showToast({ title: '已发布', icon: 'success' });
                reload();
              },
              (err) => void showModal({ title: '未能发布', content: errorMessage(err), showCancel: false }),
            )
            .finally(() => {
              setBusy(false);
              setPublishing(null);
            });
        }}
      />
    </View>
  );
}
