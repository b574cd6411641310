import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { dayLabel, formatShanghai } from '@jiebang/shared';
import type { InboxItem } from '@jiebang/shared';
import * as notifications from '../../services/notifications';
import { isSignedIn } from '../../services/auth';
import { errorMessage } from '../../services/http';
import { EmptyState, ErrorState, LoadingState, SignInState } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { Tabs } from '../../components/tabs';
import './index.scss';

/** Mark a notification read (in the background) and open the page it links to. */
function follow(n: InboxItem): void {
  if (!n.read) {
    void notifications
      .markRead(n.id)
      .then(() => notifications.refreshBadge())
      .catch(() => {});
  }
  const url = notifications.targetOf(n);
  if (url) void Taro.navigateTo({ url });
}

/** Tabs of the inbox: all, unread (asked of the server), and by what the message is about. */
type Tab = 'all' | 'unread' | 'demand' | 'application';
const TABS: { key: Tab; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'unread', label: '未读' },
  { key: 'demand', label: '需求' },
  { key: 'application', label: '揭榜申请' },
];

export default function InboxPage() {
  const { params } = useRouter();
  const [signedIn, setSignedIn] = useState(isSignedIn);
  useDidShow(() => setSignedIn(isSignedIn()));
  const opened = useRef(false);
  const [tab, setTab] = useState<Tab>('all');
  const [marking, setMarking] = useState(false);
  const unreadOnly = tab === 'unread';

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const page = await notifications.list({ cursor, unreadOnly });
      if (cursor) return page;
      void notifications.refreshBadge();
      // Opened from a WeChat message: open that notification once.
      const target = params.open ? decodeURIComponent(params.open) : '';
      if (target && !opened.current) {
        opened.current = true;
        const n = page.items.find((i) => i.id === target);
        if (n) {
          follow(n);
          return { ...page, items: page.items.map((i) => (i.id === n.id ? { ...i, read: true } : i)) };
        }
      }
      return page;
    },
    [params.open, unreadOnly],
  );
  const list = usePagedList(signedIn ? fetchPage : null, { reloadOn: 'show', moreErrors: 'toast' });
  const { items, setItems, cursor: nextCursor, loadingMore, loadMore: more } = list;

  const shown = tab === 'demand' || tab === 'application' ? items.filter((n) => n.objectType === tab) : items;
  const anyUnread = items.some((n) => !n.read);
  const now = new Date();

  const readAll = async () => {
    if (marking) return;
    setMarking(true);
    try {
      // Up to the newest shown: one that arrived since stays unread (and is not marked behind the user's back).
      const upTo = items[0]?.id;
      const marked = await notifications.markAllRead(upTo);
      setItems((prev) => prev.map((i) => (!upTo || i.id <= upTo ? { ...i, read: true } : i)));
      void notifications.refreshBadge();
      void Taro.showToast({ title: marked ? `已将 ${marked} 条标为已读` : '没有未读消息', icon: 'none' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
      list.reload();
    } finally {
      setMarking(false);
    }
  };

  const open = (n: InboxItem) => {
    if (!n.read) setItems((prev) => prev.map((i) => (i.id === n.id ? { ...i, read: true } : i)));
    follow(n);
  };

  const state = !signedIn
    ? { kind: 'signed-out' as const }
    : list.status === 'error'
      ? { kind: 'error' as const, message: errorMessage(list.error) }
      : { kind: list.status };

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'signed-out') {
    return (
      <View className="inbox inbox--state">
        <SignInState text="登录后查看消息" hint="审核进度、截止提醒等消息会出现在这里" />
      </View>
    );
  }
  if (state.kind === 'error') {
    return (
      <View className="inbox inbox--state">
        <ErrorState message={state.message} onRetry={list.reload} />
      </View>
    );
  }
  const header = (
    <View className="inbox__header">
      <Tabs className="inbox-tabs" items={TABS} value={tab} onChange={setTab} />
      {anyUnread && (
        <View
          className="inbox__read-all inbox-read-all"
          hoverClass="inbox__read-all--pressed"
          onClick={() => void readAll()}
        >
          {marking ? '正在标记…' : '全部标为已读'}
        </View>
      )}
    </View>
  );
  if (shown.length === 0) {
    return (
      <View className="inbox">
        {header}
        <EmptyState text={tab === 'unread' ? '没有未读消息' : '暂无消息'} hint="审核进度、截止提醒等消息会出现在这里" />
      </View>
    );
  }
  return (
    <View className="inbox">
      {header}
      {shown.map((n, i) => {
        const day = dayLabel(n.createdAt, now);
        const first = i === 0 || dayLabel(shown[i - 1]!.createdAt, now) !== day;
        return (
          <View key={n.id}>
            {first && <Text className="inbox__day">{day}</Text>}
            <View
              className={`inbox-item${n.read ? '' : ' is-unread'}`}
              data-id={n.id}
              hoverClass="inbox-item--pressed"
              onClick={() => void open(n)}
            >
              <View className="inbox-item__head">
                {!n.read && <View className="inbox-item__dot" />}
                <Text className="inbox-item__title">{n.title}</Text>
                <Text className="inbox-item__time">{formatShanghai(n.createdAt).slice(11)}</Text>
              </View>
              <Text className="inbox-item__body">{n.body}</Text>
            </View>
          </View>
        );
      })}
      {nextCursor ? (
        <View className="inbox__more" onClick={() => void more()}>
          {loadingMore ? '加载中…' : '加载更多'}
        </View>
      ) : (
        <Text className="inbox__end">没有更多消息了</Text>
      )}
    </View>
  );
}
