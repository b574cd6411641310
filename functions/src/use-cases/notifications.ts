/**
 * The inbox, subscribe consents and the admin's view of failed deliveries.
 *
 * Principals: a user reads the notifications addressed to itself (`user:<id>`), to its enterprise (`org:<id>`),
 * to the authority it works for (`authority:<region>`, `ministry`) and, for the platform admin, `admin`. Read
 * state belongs to the notification item, i.e. to its principal: a notification to an enterprise or an authority
 * is read for all its members once one of them opens it (they share one to-do list, as a shared mailbox would).
 *
 * Cost of an inbox page: one Query per principal (1–3 for real users), each reading at most `limit` items,
 * merged newest first; the cursor is the id of the last item shown, and every partition continues strictly
 * before it. A tab (`kind`: 待办, 申请与评审, 活动, 公示与异议) reads on down each partition until its page is full
 * (see `inboxPage`), so a tab's page is not empty while older matching messages exist. Unread count: one COUNT Query per principal on the sparse unread index (capped at 99+). Marking
 * read: one conditional UpdateItem per principal tried (the key derives from the id), usually one.
 */
import type { SessionUser, SubscriptionInput, TemplateKey } from '@jiebang/shared';
import { READ_ALL_BATCH, UNREAD_CAP, inInboxTab, type InboxTab } from '@jiebang/shared';
import { ulid } from 'ulid';
import { departmentOf, isAdmin, isMinistry, provinceOf } from '../auth/roles';
import { Forbidden, NotFound, InvalidInput } from '../domain/errors';
import { isPublic } from '../domain/publication';
import type { DemandRepository, UserRepository } from '../store/repositories';
import type { ConsentRecord, DynamoNotificationRepository, NotificationRecord } from '../store/dynamo-notifications';

/** Every principal whose inbox the user reads. */
export function principalsOf(u: SessionUser): string[] {
  const out = [`user:${u.id}`];
  if (u.orgId && u.roles.some((r) => r === 'org_admin' || r === 'org_member' || r === 'reviewer'))
    out.push(`org:${u.orgId}`);
  const region = provinceOf(u);
  if (region) out.push(`authority:${region}`);
  if (isMinistry(u)) out.push('ministry');
  if (isAdmin(u)) out.push('admin');
  // 221号 to the letter (issue 16): a department's accounts share its inbox.
  const department = departmentOf(u);
  if (department) out.push(`department:${department}`);
  return out;
}

/** The group a consent given by this user serves besides the user itself (enterprise or authority). */
export function groupOf(u: SessionUser): string | undefined {
  if (u.orgId) return `org:${u.orgId}`;
  const region = provinceOf(u);
  if (region) return `authority:${region}`;
  if (isMinistry(u)) return 'ministry';
  const department = departmentOf(u);
  if (department) return `department:${department}`;
  return undefined;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** What the recipient sees: no delivery internals, no other recipients' WeChat outcomes. */
function view(n: NotificationRecord) {
  return {
    id: n.id,
    to: n.to,
    kind: n.kind,
    title: n.title,
    body: n.body,
    ...(n.link ? { link: n.link } : {}),
    ...(n.objectType ? { objectType: n.objectType } : {}),
    ...(n.objectId ? { objectId: n.objectId } : {}),
    createdAt: n.createdAt,
    ...(n.readAt ? { readAt: n.readAt } : {}),
    read: !!n.readAt,
  };
}

export async function listInbox(
  q: { limit: number; cursor?: string | undefined; unread?: '1' | undefined; kind?: InboxTab | undefined },
  user: SessionUser,
  repo: DynamoNotificationRepository,
) {
  if (q.cursor !== undefined && !ULID.test(q.cursor)) {
    throw new InvalidInput('分页游标无效，请从第一页重新加载', { cursor: '分页游标无效' });
  }
  const { kind } = q;
  const match = kind ? (n: NotificationRecord) => inInboxTab(kind, n) : undefined;
  const pages = await Promise.all(
    principalsOf(user).map((p) => repo.inboxPage(p, q.limit, q.cursor, q.unread === '1', match)),
  );
  // A principal that stopped reading before filling its page (a tab's read budget) has looked at everything newer
  // than `examinedTo` only: older items of the other principals wait for the next page, which starts there.
  const cutoff = pages.reduce<string | undefined>(
    (max, p) => (p.examinedTo !== undefined && (max === undefined || p.examinedTo > max) ? p.examinedTo : max),
    undefined,
  );
  const merged = pages
    .flatMap((p) => p.items)
    .filter((n) => cutoff === undefined || n.id >= cutoff)
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const items = merged.slice(0, q.limit);
  const more = merged.length > q.limit || pages.some((p) => p.more);
  const last = items.length === q.limit ? items[items.length - 1]!.id : (cutoff ?? items[items.length - 1]?.id);
  return { items: items.map(view), nextCursor: more && last ? last : null };
}

export async function unreadCount(user: SessionUser, repo: DynamoNotificationRepository) {
  const counts = await Promise.all(principalsOf(user).map((p) => repo.unreadCount(p, UNREAD_CAP)));
  const total = counts.reduce((a, b) => a + b, 0);
  return { unread: Math.min(total, UNREAD_CAP), capped: total > UNREAD_CAP };
}

/** Mark read; only a recipient can (another user's or enterprise's notification is "not found"). */
export async function markRead(id: string, user: SessionUser, now: Date, repo: DynamoNotificationRepository) {
  if (!ULID.test(id)) throw new NotFound('通知不存在');
  for (const p of principalsOf(user)) {
    const n = await repo.markRead(p, id, now);
    if (n) return view(n);
  }
  throw new NotFound('通知不存在');
}

/**
 * Mark read every unread notification of the caller's principals up to `upTo` (all when absent), at most
 * `READ_ALL_BATCH` per call, shared among the principals; idempotent (a repeat marks nothing). Only the caller's
 * own principals are touched, so there is nothing of anyone else's to refuse.
 */
export async function markAllRead(
  input: { upTo?: string | undefined },
  user: SessionUser,
  now: Date,
  repo: DynamoNotificationRepository,
) {
  const principals = principalsOf(user);
  const share = Math.floor(READ_ALL_BATCH / principals.length);
  const results = await Promise.all(principals.map((p) => repo.markAllRead(p, input.upTo, share, now)));
  return {
    marked: results.reduce((a, r) => a + r.marked, 0),
    more: results.some((r) => r.more),
  };
}

export interface SubscriptionDeps {
  users: UserRepository;
  demands: DemandRepository;
  notifications: DynamoNotificationRepository;
  templates: Partial<Record<TemplateKey, string>>;
}

/** Record one one-time consent (one consent = one message); with a demand, also watch it for its reminders. */
export async function createSubscription(input: SubscriptionInput, user: SessionUser, now: Date, d: SubscriptionDeps) {
  if (!d.templates[input.templateKey])
    throw new InvalidInput('该订阅消息暂未开通', { templateKey: '该订阅消息暂未开通' });
  // Only a deadline reminder is scoped to its demand (and watches it); for the other templates a demandId says
  // where the user tapped, and the consent serves any of the user's notifications of that template.
  const demandId = input.templateKey === 'deadline_reminder' ? input.demandId : undefined;
  const record = await d.users.get(user.id);
  if (!record) throw new Forbidden('请重新登录');
  if (demandId !== undefined) {
    const demand = await d.demands.get(demandId);
    if (!demand || !isPublic(demand) || demand.status !== 'published') throw new NotFound('需求不存在或已截止');
  }
  const group = groupOf(user);
  const consent: ConsentRecord = {
    id: ulid(now.getTime()),
    userId: user.id,
    openid: record.openid,
    templateKey: input.templateKey,
    ...(demandId ? { demandId } : {}),
    ...(group ? { group } : {}),
    status: 'unused',
    createdAt: now.toISOString(),
  };
  const watcher = demandId ? { demandId, userId: user.id, orgId: user.orgId, createdAt: now.toISOString() } : null;
  await d.notifications.addConsent(consent, watcher);
  return {
    id: consent.id,
    templateKey: consent.templateKey,
    ...(consent.demandId ? { demandId: consent.demandId } : {}),
    status: consent.status,
    createdAt: consent.createdAt,
    watching: !!watcher,
  };
}

export async function listFailed(
  q: { limit: number; cursor?: string | undefined },
  user: SessionUser,
  repo: DynamoNotificationRepository,
) {
  if (!isAdmin(user)) throw new Forbidden();
  let before: string | undefined;
  if (q.cursor !== undefined) {
    before = Buffer.from(q.cursor, 'base64url').toString('utf8');
    if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z#[0-9A-HJKMNP-TV-Z]{26}$/.test(before)) {
      throw new InvalidInput('分页游标无效，请从第一页重新加载', { cursor: '分页游标无效' });
    }
  }
  const page = await repo.failed(q.limit, before);
  return {
    items: page.items.map(({ record: n }) => ({
      ...view(n),
      attempts: n.attempts,
      failedAt: n.failedAt!,
      ...(n.lastError ? { lastError: n.lastError } : {}),
    })),
    nextCursor:
      page.more && page.items.length
        ? Buffer.from(page.items[page.items.length - 1]!.sk, 'utf8').toString('base64url')
        : null,
  };
}
