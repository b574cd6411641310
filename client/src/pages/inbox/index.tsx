import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { INBOX_TABS, INBOX_TAB_KEYS, dayLabel, formatShanghai, groupInbox } from '@jiebang/shared';
import type { InboxTab } from '@jiebang/shared';
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

/**
 * Tabs of the inbox: all, unread, and by kind (shared `INBOX_TABS`: 待办, 申请与评审, 活动, 公示与异议), each asked of
 * the server (`unread=1`, `kind=`), whose pages of a kind are filled from older messages.
 */
type Tab = 'all' | 'unread' | InboxTab;
const TABS: { key: Tab; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'unread', label: '未读' },
  ...INBOX_TAB_KEYS.map((key) => ({ key, label: INBOX_TABS[key] })),
];
const SUBJECT_TYPE = { demand: '需求', event: '活动' } as const;

export default function InboxPage() {
  const { params } = useRouter();
  const [signedIn, setSignedIn] = useState(isSignedIn);
  useDidShow(() => setSignedIn(isSignedIn()));
  const opened = useRef(false);
  const [tab, setTab] = useState<Tab>('all');
  const [marking, setMarking] = useState(false);
  const unreadOnly = tab === 'unread';
  const kind = tab === 'all' || tab === 'unread' ? undefined : tab;

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const page = await notifications.list({ cursor, unreadOnly, kind });
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
    [params.open, unreadOnly, kind],
  );
  const list = usePagedList(signedIn ? fetchPage : null, { reloadOn: 'show', moreErrors: 'toast' });
  const { items, setItems, cursor: nextCursor, loadingMore, loadMore: more } = list;

  // About one demand (its applications too) or one event, together under its title, newest first.
  const groups = groupInbox(items);
  // 全部标为已读 marks every kind up to the newest shown: offered where the list shows every kind.
  const anyUnread = !kind && items.some((n) => !n.read);
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
  if (items.length === 0) {
    return (
      <View className="inbox">
        {header}
        <EmptyState
          text={
            tab === 'unread'
              ? '没有未读消息'
              : tab === 'all'
                ? '暂无消息'
                : `暂无${TABS.find((t) => t.key === tab)?.label}消息`
          }
          hint={nextCursor ? '最近的消息中没有，可加载更早的消息' : '审核进度、截止提醒等消息会出现在这里'}
        />
        {nextCursor && (
          <View className="inbox__more" onClick={() => void more()}>
            {loadingMore ? '加载中…' : '加载更早的消息'}
          </View>
        )}
      </View>
    );
  }
  return (
    <View className="inbox">
      {header}
      {groups.map((g, i) => {
        // Day headings by each group's newest message; a message from another day says its date.
        const day = dayLabel(g.items[0]!.createdAt, now);
        const first = i === 0 || dayLabel(groups[i - 1]!.items[0]!.createdAt, now) !== day;
        const unread = g.items.filter((n) => !n.read).length;
        return (
          <View key={g.key}>
            {first && <Text className="inbox__day">{day}</Text>}
            <View className={`inbox-group${g.subject ? ' is-subject' : ''}`} data-subject={g.key}>
              {g.subject && (
                <View className="inbox-group__head">
                  <Text className="inbox-group__type">{SUBJECT_TYPE[g.subject.type]}</Text>
                  <Text className="inbox-group__title">{g.subject.title}</Text>
                  <Text className="inbox-group__count">
                    {g.items.length} 条{unread ? ` · ${unread} 未读` : ''}
                  </Text>
                </View>
              )}
              {g.items.map((n) => {
                const otherDay = dayLabel(n.createdAt, now) !== day;
                return (
                  <View
                    key={n.id}
                    className={`inbox-item${n.read ? '' : ' is-unread'}`}
                    data-id={n.id}
                    hoverClass="inbox-item--pressed"
                    onClick={() => void open(n)}
                  >
                    <View className="inbox-item__head">
                      {!n.read && <View className="inbox-item__dot" />}
                      <Text className="inbox-item__title">{n.title}</Text>
                      <Text className="inbox-item__time">
                        {otherDay ? `${dayLabel(n.createdAt, now)} ` : ''}
                        {formatShanghai(n.createdAt).slice(11)}
                      </Text>
                    </View>
                    <Text className="inbox-item__body">{n.body}</Text>
                  </View>
                );
              })}
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
