/**
 * The outbox dispatcher. Every notification is already in its recipient's inbox when it is created (in the
 * transaction of the change that caused it); the dispatcher adds the WeChat subscribe message for each recipient
 * user who gave a matching, unused one-time consent, and takes the notification out of the outbox.
 *
 * Delivery is at least once per notification and at most once per consent:
 * - a run claims a due notification with a conditional write that also moves it to "due at now + lease", so two
 *   runs never work on it at once, and a run that dies leaves it to be picked up again when the lease ends;
 * - before calling WeChat, the consent is marked `sending` for this notification in one transaction with the
 *   notification's per-user outcome `sending` (condition: the consent is unused), so a consent serves one send;
 * - after the call, the result is recorded on both (sent / refused → consent spent; WeChat certainly did not
 *   deliver → consent released for the retry). A run that died between the call and the record leaves `sending`
 *   behind: the next run cannot know whether WeChat delivered, so it records `unknown` and never sends again for
 *   that consent — no duplicates; the in-app copy is there either way;
 * - retriable failures come back with exponential backoff (attempts, nextAttemptAt); after the last attempt the
 *   notification is `failed` and listed for the admin (GET /v1/admin/notifications/failed).
 */
import type { TemplateKey } from '@jiebang/shared';
import { randomUUID } from 'node:crypto';
import { logger } from '../http/logger';
import type {
  ConsentRecord,
  DynamoNotificationRepository,
  NotificationRecord,
  OutboxEntry,
  WeChatOutcome,
} from '../store/dynamo-notifications';
import type { Store } from '../store/client';
import { transact, TransactionRefused } from '../store/transact';
import type { SendResult, SubscribeSender } from '../wechat/subscribe';
import { messageData, messagePage, templateKeyOf, type MessageFacts } from './templates';

export interface DispatcherDeps {
  store: Store;
  notifications: DynamoNotificationRepository;
  sender: SubscribeSender;
  templates: Partial<Record<TemplateKey, string>>;
}

export interface DispatchOptions {
  /** Items per outbox Query. */
  batchSize?: number;
  /** Stop after this many notifications in one run (the next run goes on). */
  maxItems?: number;
  /** Attempts before a notification is marked failed. */
  maxAttempts?: number;
  /** First retry delay; doubles with each attempt. */
  baseDelayMs?: number;
  /** How long a claimed notification is this run's before another run may take it. */
  leaseMs?: number;
  /** Real-time budget of one run (a Lambda has a timeout). */
  budgetMs?: number;
  /** Test hook: called around each send; throwing simulates a crash at that point. */
  hooks?: { beforeSend?: (n: NotificationRecord) => void; afterSend?: (n: NotificationRecord) => void };
}

export interface DispatchReport {
  examined: number;
  delivered: number;
  retried: number;
  failed: number;
  /** Claimed by another run meanwhile. */
  skipped: number;
  sent: number;
}

export const DISPATCH_DEFAULTS = {
  batchSize: 25,
  maxItems: 500,
  maxAttempts: 5,
  baseDelayMs: 30_000,
  leaseMs: 120_000,
  budgetMs: 45_000,
};

const FINAL: WeChatOutcome['status'][] = ['sent', 'refused', 'unknown', 'failed'];

type Stored = NotificationRecord & { facts?: MessageFacts };

/** Run the dispatcher once at `now`. */
export async function dispatch(now: Date, d: DispatcherDeps, options: DispatchOptions = {}): Promise<DispatchReport> {
  const o = { ...DISPATCH_DEFAULTS, ...options };
  const report: DispatchReport = { examined: 0, delivered: 0, retried: 0, failed: 0, skipped: 0, sent: 0 };
  const started = Date.now();
  const seen = new Set<string>();
  while (report.examined < o.maxItems && Date.now() - started < o.budgetMs) {
    const due = (await d.notifications.due(now, o.batchSize)).filter((e) => !seen.has(e.record.id));
    if (due.length === 0) break; // (index lag may still show items this run finished: they are in `seen`)
    for (const entry of due) {
      if (report.examined >= o.maxItems) break;
      seen.add(entry.record.id);
      report.examined++;
      const outcome = await deliver(entry, now, d, o, report);
      report[outcome]++;
    }
  }
  return report;
}

/** Consents usable for a notification, one per user (the oldest; demand-specific consents only for their demand). */
async function candidates(n: Stored, key: TemplateKey, d: DispatcherDeps): Promise<ConsentRecord[]> {
  let consents: ConsentRecord[];
  if (n.to.startsWith('user:')) consents = await d.notifications.userConsents(n.to.slice('user:'.length), key);
  else if (n.to.startsWith('org:') || n.to.startsWith('authority:') || n.to === 'ministry')
    consents = await d.notifications.groupConsents(n.to, key);
  else consents = [];
  const aboutDemand = n.objectType === 'demand' ? n.objectId : undefined;
  const eligible = consents
    .filter((c) => c.status === 'unused' && (!c.demandId || c.demandId === aboutDemand))
    // this demand's own consents first, then the oldest
    .sort((a, b) => Number(!!b.demandId) - Number(!!a.demandId) || a.id.localeCompare(b.id));
  const perUser = new Map<string, ConsentRecord[]>();
  for (const c of eligible) perUser.set(c.userId, [...(perUser.get(c.userId) ?? []), c]);
  return [...perUser.values()].flat();
}

async function deliver(
  entry: OutboxEntry,
  now: Date,
  d: DispatcherDeps,
  o: typeof DISPATCH_DEFAULTS & DispatchOptions,
  report: DispatchReport,
): Promise<'delivered' | 'retried' | 'failed' | 'skipped'> {
  const n = entry.record as Stored;
  const key = templateKeyOf(n);
  const templateId = d.templates[key];
  const done = n.wechat ?? {};
  const interrupted = Object.entries(done).filter(([, v]) => v.status === 'sending');
  const all = templateId ? await candidates(n, key, d) : [];
  const open = all.filter(
    (c) => !FINAL.includes(done[c.userId]?.status ?? 'retry') && done[c.userId]?.status !== 'sending',
  );

  if (open.length === 0 && interrupted.length === 0) {
    // Nothing to send: in-app only. One conditional write, valid only if nobody moved the item since it was read.
    return (await d.notifications.finish(n, null, entry.dueKey, { kind: 'delivered', at: now }))
      ? 'delivered'
      : 'skipped';
  }

  const leaseId = randomUUID();
  if (!(await d.notifications.claim(entry, leaseId, new Date(now.getTime() + o.leaseMs)))) return 'skipped';

  // A previous run died after marking these sends: WeChat may or may not have delivered. Never send them again.
  for (const [userId, v] of interrupted) {
    const consent = { id: v.consentId!, userId, templateKey: key } as ConsentRecord;
    await transact(d.store, [
      d.notifications.settleConsentItem(consent, n.id, 'unknown', now),
      d.notifications.outcomeItem(n, leaseId, userId, {
        status: 'unknown',
        ...(v.consentId ? { consentId: v.consentId } : {}),
        at: now.toISOString(),
      }),
    ]).catch((err: unknown) => {
      if (!(err instanceof TransactionRefused)) throw err;
    });
  }

  let retry: string | null = null;
  let invalid: string | null = null;
  const handled = new Set<string>();
  for (const c of open) {
    if (handled.has(c.userId)) continue;
    // Take the consent for this notification (and say so on the notification) in one transaction.
    try {
      await transact(d.store, [
        d.notifications.consumeConsentItem(c, n.id, now),
        d.notifications.outcomeItem(n, leaseId, c.userId, {
          status: 'sending',
          consentId: c.id,
          at: now.toISOString(),
        }),
      ]);
    } catch (err) {
      if (err instanceof TransactionRefused) {
        if (err.by('lease_lost')) return 'skipped';
        continue; // that consent was just used by another send: try the user's next one
      }
      throw err;
    }
    handled.add(c.userId);
    o.hooks?.beforeSend?.(n);
    const result = await d.sender.send({
      touser: c.openid,
      templateId: templateId!,
      page: messagePage(n),
      data: messageData(key, n),
    });
    o.hooks?.afterSend?.(n);
    const { consentStatus, outcome } = settle(result, c, now);
    if (result.kind === 'retry') retry = result.error;
    if (result.kind === 'invalid') invalid = result.error;
    if (result.kind === 'sent') report.sent++;
    await transact(d.store, [
      d.notifications.settleConsentItem(c, n.id, consentStatus, now),
      d.notifications.outcomeItem(n, leaseId, c.userId, outcome),
    ]);
  }

  const attempts = (n.attempts ?? 0) + 1;
  if (retry) {
    if (attempts >= o.maxAttempts) {
      logger.warn('notification failed', { id: n.id, attempts, error: retry });
      return (await d.notifications.finish(n, leaseId, null, { kind: 'failed', at: now, attempts, error: retry }))
        ? 'failed'
        : 'skipped';
    }
    const nextAt = new Date(now.getTime() + o.baseDelayMs * 2 ** (attempts - 1));
    return (await d.notifications.finish(n, leaseId, null, { kind: 'retry', at: now, nextAt, attempts, error: retry }))
      ? 'retried'
      : 'skipped';
  }
  if (invalid) {
    // WeChat will never accept this message (template or data): no retry, but the admin must see it.
    logger.warn('notification refused by WeChat as invalid', { id: n.id, error: invalid });
    return (await d.notifications.finish(n, leaseId, null, { kind: 'failed', at: now, attempts, error: invalid }))
      ? 'failed'
      : 'skipped';
  }
  return (await d.notifications.finish(n, leaseId, null, { kind: 'delivered', at: now })) ? 'delivered' : 'skipped';
}

function settle(result: SendResult, c: ConsentRecord, now: Date) {
  const at = now.toISOString();
  switch (result.kind) {
    case 'sent':
      return {
        consentStatus: 'used' as const,
        outcome: { status: 'sent' as const, consentId: c.id, ...(result.msgid ? { msgid: result.msgid } : {}), at },
      };
    case 'refused':
      return {
        consentStatus: 'refused' as const,
        outcome: { status: 'refused' as const, consentId: c.id, errcode: result.errcode, at },
      };
    case 'ambiguous':
      return { consentStatus: 'unknown' as const, outcome: { status: 'unknown' as const, consentId: c.id, at } };
    case 'invalid':
      return { consentStatus: 'unused' as const, outcome: { status: 'failed' as const, errcode: result.errcode, at } };
    case 'retry':
      return {
        consentStatus: 'unused' as const,
        outcome: { status: 'retry' as const, ...(result.errcode ? { errcode: result.errcode } : {}), at },
      };
  }
}
