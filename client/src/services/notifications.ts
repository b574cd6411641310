import '../lib/zod-setup';
import Taro from '@tarojs/taro';
import { isKnownLink, links } from '@jiebang/shared';
import type { InboxItem, InboxTab, Subscription, TemplateKey } from '@jiebang/shared';
import {
  notificationsList,
  notificationsRead,
  notificationsReadAll,
  notificationsUnreadCount,
  subscriptionsCreate,
  subscriptionsTemplates,
} from '@jiebang/shared/routes/notifications';
import { call } from './api';
import { ApiError } from './http';
import { isSignedIn } from './auth';

/** Index of the "我的" tab in app.config.ts's tabBar list. */
const MINE_TAB = 1;

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}

/** One page of my notifications, newest first: all, the unread ones, or one tab's kind (filled by the server). */
export function list(
  query: { cursor?: string | null; unreadOnly?: boolean; kind?: InboxTab; limit?: number } = {},
): Promise<InboxPage> {
  return call(notificationsList, {
    query: {
      limit: query.limit ?? 20,
      cursor: query.cursor ?? undefined,
      unread: query.unreadOnly ? '1' : undefined,
      kind: query.kind,
    },
  });
}

export function unreadCount(): Promise<{ unread: number; capped: boolean }> {
  return call(notificationsUnreadCount);
}

export function markRead(id: string): Promise<InboxItem> {
  return call(notificationsRead, { params: { id } });
}

/**
 * Mark read every unread notification up to `upTo` (the newest one shown; all when absent): the server marks a
 * bounded batch per call and says when more remain. Resolves to how many were marked.
 */
export async function markAllRead(upTo?: string): Promise<number> {
  let marked = 0;
  // 20 calls of 200 at most: an inbox of thousands, without a loop that never ends.
  for (let i = 0; i < 20; i++) {
    const res = await call(notificationsReadAll, { body: upTo ? { upTo } : {} });
    marked += res.marked;
    if (!res.more) break;
  }
  return marked;
}

/** Show the unread count on the "我的" tab (nothing when signed out or all read). Never throws. */
export async function refreshBadge(): Promise<number> {
  try {
    if (!isSignedIn()) {
      await Taro.removeTabBarBadge({ index: MINE_TAB }).catch(() => {});
      return 0;
    }
    const { unread, capped } = await unreadCount();
    if (unread > 0) await Taro.setTabBarBadge({ index: MINE_TAB, text: capped ? '99+' : String(unread) });
    else await Taro.removeTabBarBadge({ index: MINE_TAB });
    return unread;
  } catch {
    return 0; // a badge is not worth an error message (or a page that is not a tab page asked)
  }
}

let templateCache: Partial<Record<TemplateKey, string>> | null = null;

/**
 * Load the template ids ahead of the tap: WeChat shows its consent dialog only when requestSubscribeMessage is
 * called straight from the tap, not after a request. Never throws.
 */
export async function prefetchTemplates(): Promise<void> {
  await templateId('deadline_reminder').catch(() => undefined);
}

async function templateId(key: TemplateKey): Promise<string | undefined> {
  if (!templateCache) {
    const { templates } = await call(subscriptionsTemplates);
    templateCache = Object.fromEntries(templates.map((t) => [t.key, t.templateId]));
  }
  return templateCache[key];
}

/**
 * Ask for one WeChat subscribe-message consent and record it. Must be called from the
 * user's tap: WeChat only shows its consent dialog then. In H5 there is no dialog; the consent is just recorded.
 * Resolves to null when the user declined.
 */
export async function subscribe(templateKey: TemplateKey, demandId?: string): Promise<Subscription | null> {
  const id = await templateId(templateKey);
  if (!id) throw new ApiError(400, 'TEMPLATE_UNAVAILABLE', '该订阅消息暂未开通');
  if (process.env.TARO_ENV === 'weapp') {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: [id],
      entityIds: [],
    } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    if (answer[id] !== 'accept') return null;
  }
  return call(subscriptionsCreate, { body: { templateKey, ...(demandId ? { demandId } : {}) } });
}

/** Pages a notification may open, by object type (links written by the server are used when they are one of them). */

/** Where tapping a notification goes, or null when it has nothing to open. */
export function targetOf(n: Pick<InboxItem, 'link' | 'objectType' | 'objectId'>): string | null {
  if (n.link && isKnownLink(n.link)) return n.link;
  if (!n.objectId) return null;
  if (n.objectType === 'demand') return links.publicDemand(n.objectId);
  if (n.objectType === 'application') return links.applicantApplication(n.objectId);
  return null;
}
