import { Text, View } from '@tarojs/components';
import { ApiError, errorMessage, signInReason } from '../../services/http';
import { currentUrl, signInThen, type Resume } from '../../lib/resume';
import { leaveFor } from '../../lib/nav';
import './index.scss';

interface StateProps {
  className?: string;
}

/** Placeholder cards while the first page loads. */
export function SkeletonCards({ count = 3 }: { count?: number }) {
  return (
    <View className="skeleton" aria-busy="true">
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className="skeleton__card">
          <View className="skeleton__line skeleton__line--tag" />
          <View className="skeleton__line skeleton__line--title" />
          <View className="skeleton__line skeleton__line--short" />
          <View className="skeleton__line skeleton__line--meta" />
        </View>
      ))}
    </View>
  );
}

export interface EmptyStateProps extends StateProps {
  text: string;
  hint?: string;
  actionText?: string;
  onAction?: () => void;
  /** A button that leaves for another page (`lib/nav` leaveFor): 返回我的, 浏览需求目录… */
  go?: { text: string; url: string };
}

export function EmptyState({ className = '', text, hint, actionText, onAction, go }: EmptyStateProps) {
  const action = go
    ? { text: go.text, run: () => leaveFor(go.url) }
    : actionText && onAction && { text: actionText, run: onAction };
  return (
    <View className={`state ${className}`}>
      <View className="state__icon state__icon--empty" />
      <Text className="state__title">{text}</Text>
      {hint && <Text className="state__hint">{hint}</Text>}
      {action && (
        <View className="state__retry" hoverClass="state__retry--pressed" onClick={action.run}>
          {action.text}
        </View>
      )}
    </View>
  );
}

/**
 * A page that needs a session, opened without one: "登录后查看" and a sign-in that comes back to this page
 * (`resume`: what to continue instead, e.g. an application). Class `signin-state`.
 */
export function SignInState({
  className = '',
  text = '登录后查看',
  hint = '该页面需要登录后查看，登录后将自动返回此页',
  expired = false,
  resume,
}: StateProps & { text?: string; hint?: string; expired?: boolean; resume?: Resume }) {
  return (
    <View className={`state signin-state ${className}`}>
      <View className="state__icon state__icon--lock" />
      <Text className="state__title">{expired ? '登录已过期' : text}</Text>
      <Text className="state__hint">{expired ? '请重新登录，登录后将自动返回此页' : hint}</Text>
      <View
        className="state__retry signin-state__go"
        hoverClass="state__retry--pressed"
        onClick={() => signInThen(resume ?? { kind: 'open', url: currentUrl(), title: text })}
      >
        {expired ? '重新登录' : '去登录'}
      </View>
    </View>
  );
}

export function ErrorState({
  className = '',
  message,
  onRetry,
}: StateProps & { message: string; onRetry?: () => void }) {
  // A 401 with no one signed in now is not a failure: the page needs a sign-in.
  const reason = signInReason(message);
  if (reason) return <SignInState className={className} expired={reason === 'expired'} />;
  return (
    <View className={`state ${className}`}>
      <View className="state__icon state__icon--error" />
      <Text className="state__title">加载失败</Text>
      <Text className="state__hint">{message}</Text>
      {onRetry && (
        <View className="state__retry" hoverClass="state__retry--pressed" onClick={onRetry}>
          重试
        </View>
      )}
    </View>
  );
}

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state state--loading">
      <View className="state__spinner" />
      <Text className="state__hint">{text}</Text>
    </View>
  );
}

/** A load that failed: `notFound` for a 404 (no such object, or not this user's), else the failure and a retry. */
export function FailedState({
  error,
  notFound,
  onRetry,
  className = '',
}: StateProps & { error: unknown; notFound: string; onRetry: () => void }) {
  return error instanceof ApiError && error.status === 404 ? (
    <EmptyState className={className} text={notFound} />
  ) : (
    <ErrorState className={className} message={errorMessage(error)} onRetry={onRetry} />
  );
}

/** Where a page's one object stands before it can be shown (hooks/use-async `objectState`). */
export type Unready = { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; message: string };

/**
 * A page's one object while it is not there: loading; `missing` (no such object, not this user's, or no id in the
 * route) as an empty state, class `<name>-missing`; a failure with a retry, class `<name>-error`. `frame` wraps
 * the last two (a page's `--state` modifier that places them).
 */
export function UnreadyState({
  name,
  state,
  missing,
  onRetry,
  frame,
}: {
  name: string;
  state: Unready;
  missing: Omit<EmptyStateProps, 'className'>;
  onRetry: () => void;
  frame?: string;
}) {
  if (state.kind === 'loading') return <LoadingState />;
  const shown =
    state.kind === 'missing' ? (
      <EmptyState {...missing} className={`${name}-missing`} />
    ) : (
      <ErrorState className={`${name}-error`} message={state.message} onRetry={onRetry} />
    );
  return frame ? <View className={frame}>{shown}</View> : shown;
}

/**
 * The `&__more` line of a list whose next page comes on a tap (点击加载更多, class `&__more-link`) rather than on
 * reaching the bottom; `end` once every page is shown.
 */
export function MoreLine({
  block,
  list,
  end,
}: {
  block: string;
  list: { loadingMore: boolean; cursor: string | null; loadMore: () => Promise<void> };
  end: string;
}) {
  return (
    <View className={`${block}__more`}>
      {list.loadingMore ? (
        <Text>正在加载更多…</Text>
      ) : list.cursor ? (
        <Text className={`${block}__more-link`} onClick={() => void list.loadMore()}>
          点击加载更多
        </Text>
      ) : (
        <Text>{end}</Text>
      )}
    </View>
  );
}

/**
 * A paged list of one campaign year (hooks/use-campaign-year, then use-paged-list) until its first page is in:
 * the year's failure, loading, the list's failure; null once there is a page to show.
 */
export function yearListState(
  campaign: { year: number | null; error: unknown; reload: () => void },
  list: { status: 'loading' | 'error' | 'ready'; error?: unknown; reload: () => void },
) {
  if (campaign.error) return <ErrorState message={errorMessage(campaign.error)} onRetry={campaign.reload} />;
  if (!campaign.year || list.status === 'loading') return <LoadingState />;
  if (list.status === 'error') return <ErrorState message={errorMessage(list.error)} onRetry={list.reload} />;
  return null;
}

/**
 * The foot of a paged list (`usePagedList`): 正在加载更多… while a page loads, the failure of one (the next pull
 * retries), and at the end `end` (— 已显示全部 — by default). Nothing while more pages wait to be pulled.
 */
export function ListFooter({
  list,
  end = '— 已显示全部 —',
  className = '',
}: StateProps & {
  list: { loadingMore: boolean; moreError: string; cursor: string | null };
  end?: string;
}) {
  const text = list.loadingMore ? '正在加载更多…' : list.moreError ? '加载失败，上滑重试' : list.cursor ? null : end;
  return text ? <Text className={`list-footer ${className}`}>{text}</Text> : null;
}
