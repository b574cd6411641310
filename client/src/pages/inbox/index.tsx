import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import type { InboxItem } from '@jiebang/shared';
import * as notifications from '../../services/notifications';
import { isSignedIn } from '../../services/auth';
import { errorMessage } from '../../services/http';
import { EmptyState, ErrorState, LoadingState } from '../../components/state-view';
import './index.scss';

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; items: InboxItem[]; nextCursor: string | null; loadingMore: boolean };

export default function InboxPage() {
  const { params } = useRouter();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const opened = useRef(false);

  const open = useCallback(async (n: InboxItem) => {
    if (!n.read) {
      setState((s) =>
        s.kind === 'ready' ? { ...s, items: s.items.map((i) => (i.id === n.id ? { ...i, read: true } : i)) } : s,
      );
      void notifications
        .markRead(n.id)
        .then(() => notifications.refreshBadge())
        .catch(() => {});
    }
    const url = notifications.targetOf(n);
    if (url) void Taro.navigateTo({ url });
  }, []);

  const load = useCallback(async () => {
    if (!isSignedIn()) {
      setState({ kind: 'signed-out' });
      return;
    }
    try {
      const page = await notifications.list();
      setState({ kind: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false });
      void notifications.refreshBadge();
      // Opened from a WeChat message: open that notification once.
      const target = params.open ? decodeURIComponent(params.open) : '';
      if (target && !opened.current) {
        opened.current = true;
        const n = page.items.find((i) => i.id === target);
        if (n) void open(n);
      }
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) });
    }
  }, [open, params.open]);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const more = async () => {
    if (state.kind !== 'ready' || !state.nextCursor || state.loadingMore) return;
    setState({ ...state, loadingMore: true });
    try {
      const page = await notifications.list({ cursor: state.nextCursor });
      setState((s) =>
        s.kind === 'ready'
          ? { kind: 'ready', items: [...s.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false }
          : s,
      );
    } catch (err) {
      setState((s) => (s.kind === 'ready' ? { ...s, loadingMore: false } : s));
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    }
  };

  useReachBottom(() => {
    void more();
  });

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'signed-out') {
    return (
      <View className="inbox inbox--state">
        <EmptyState
          text="登录后查看消息"
          actionText="去登录"
          onAction={() => void Taro.switchTab({ url: '/pages/mine/index' })}
        />
      </View>
    );
  }
  if (state.kind === 'error') {
    return (
      <View className="inbox inbox--state">
        <ErrorState message={state.message} onRetry={() => void load()} />
      </View>
    );
  }
  if (state.items.length === 0) {
    return (
      <View className="inbox inbox--state">
        <EmptyState text="暂无消息" hint="审核进度、截止提醒等消息会出现在这里" />
      </View>
    );
  }
  return (
    <View className="inbox">
      {state.items.map((n) => (
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
            <Text className="inbox-item__time">{formatShanghai(n.createdAt)}</Text>
          </View>
          <Text className="inbox-item__body">{n.body}</Text>
        </View>
      ))}
      {state.nextCursor ? (
        <View className="inbox__more" onClick={() => void more()}>
          {state.loadingMore ? '加载中…' : '加载更多'}
        </View>
      ) : (
        <Text className="inbox__end">没有更多消息了</Text>
      )}
    </View>
  );
}
