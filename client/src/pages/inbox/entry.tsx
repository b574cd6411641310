import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as notifications from '../../services/notifications';
import './entry.scss';

/**
 * "我的消息" on 我的, with the unread count; also keeps the tab badge current whenever 我的 shows. Uses the
 * look of the work entries (`mine-work`). Class `mine-entry--inbox`.
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
    <View className="mine-work">
      <View
        className="mine-work__entry mine-entry mine-entry--inbox"
        hoverClass="mine-work__entry--pressed"
        onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}
      >
        <View className="mine-work__icon">
          <Text>信</Text>
        </View>
        <View className="mine-work__body">
          <Text className="mine-work__title">我的消息</Text>
          <Text className="mine-work__desc">审核进度、截止提醒与待办</Text>
        </View>
        {unread > 0 && <Text className="inbox-entry__count">{unread > 99 ? '99+' : unread}</Text>}
        <Text className="mine-work__arrow">›</Text>
      </View>
    </View>
  );
}
