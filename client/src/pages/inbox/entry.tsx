import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import * as notifications from '../../services/notifications';
import { CountBadge, EntryCell, EntryCells } from '../../components/entry-cell';

/**
 * "我的消息" on 我的, with the unread count; also keeps the tab badge current whenever 我的 shows. A line of
 * components/entry-cell like the work entries (`mine-work`), the count on NutUI's Badge. Class `mine-entry--inbox`.
 */
export function InboxEntry() {
  const [unread, setUnread] = useState(0);
  // Mounted after 我的 has shown (once the user is known), so the first count is asked here, not on show.
  useEffect(() => {
    void notifications.refreshBadge().then(setUnread);
  }, []);
  useDidShow(() => {
    void notifications.refreshBadge().then(setUnread);
  });
  return (
    <EntryCells className="mine-work">
      <EntryCell
        className="mine-work__entry mine-entry mine-entry--inbox"
        icon="message"
        title="我的消息"
        desc="审核进度、截止提醒与待办"
        last
        extra={<CountBadge count={unread} className="inbox-entry__count" />}
        onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}
      />
    </EntryCells>
  );
}
