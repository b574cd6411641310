/**
 * Deadline reminders, run by a schedule (and by the local scheduler every 60 s):
 *
 * - to SMEs with a draft application (the enterprise's inbox) and to users who tapped "提醒我" on a demand (their
 *   own inbox), 3 days and 1 day before the demand's application deadline;
 * - to issuers whose demands await selection, 3 days and 1 day before the campaign's selection deadline;
 * - to authorities, for each demand or application waiting in their queue longer than 5 working days;
 * - the 百场万企 events' reminders (the day before an event, an hour before a meeting): event-reminders.ts.
 *
 * Each reminder goes at most once per recipient, subject and kind: a marker item written with
 * attribute_not_exists in the same transaction as the notification. Only Queries, no Scan: demands by deadline
 * are the CLOSED catalogue family (17, sorted by the instant a demand closes), drafts by demand the sparse GSI2
 * entry of a draft (33), watchers their own partition (32), queues the authorities' sparse GSI2 queues.
 *
 * A watermark per job (the previous run's instant) keeps a run cheap: it looks only at subjects whose reminder
 * instant passed since the previous run (markers make a re-run after a crash harmless). A subject whose
 * reminder instant passed before it existed (a demand published 2 days before its deadline) gets no "3 days"
 * reminder — only the "1 day" one.
 */
import type { Campaign, Demand, Notification } from '@jiebang/shared';
import { addWorkingDays, AUTHORITY_REGION_CODES, formatShanghai, links } from '@jiebang/shared';
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { CatalogueCard } from '../domain/publication';
import type { Store } from '../store/client';
import type { DynamoNotificationRepository } from '../store/dynamo-notifications';
import { notificationPut } from '../store/events';
import { fromItem } from '../store/items';
import { keys } from '../store/keys';
import { queryAll } from '../store/query-all';
import { transact, TransactionRefused } from '../store/transact';
import type { MessageFacts } from './templates';
import { eventReminders } from './event-reminders';

const DAY = 86_400_000;
const iso = (ms: number | string | Date) => new Date(ms).toISOString();

export interface ReminderDeps {
  store: Store;
  notifications: DynamoNotificationRepository;
  currentCampaign: () => Promise<Campaign | null>;
}

export interface ReminderReport {
  deadline: number;
  selection: number;
  queue: number;
  // events (百场万企): the day before an event, before a meeting (notifications/event-reminders.ts)
  events: number;
  meetings: number;
  /** Already sent (marker present). */
  duplicates: number;
}

/** How often the queue sweep (78 small Queries) runs at most. */
export const QUEUE_SWEEP_EVERY_MS = 15 * 60_000;
export const QUEUE_WORKING_DAYS = 5;

type Item = Record<string, unknown>;

/** Send one reminder unless it was sent before: marker + notification in one transaction. */
export async function remind(
  d: Pick<ReminderDeps, 'store' | 'notifications'>,
  subjectId: string,
  kind: string,
  n: Omit<Notification, 'id'> & { facts?: MessageFacts },
  keepUntil: Date,
  now: Date,
): Promise<boolean> {
  try {
    await transact(d.store, [
      d.notifications.reminderMarkerItem(subjectId, kind, n.to, now, keepUntil),
      notificationPut(d.store.table, n),
    ]);
    return true;
  } catch (err) {
    if (err instanceof TransactionRefused && err.by('reminder_already_sent')) return false;
    throw err;
  }
}

export const clip = (s: string, max: number) => ([...s].length <= max ? s : [...s].slice(0, max - 1).join('') + '…');

// ---- application deadlines ----

const DEADLINE_KINDS = [
  { kind: 'reminder_deadline_3d', days: 3, until: 1, label: '3 天' },
  { kind: 'reminder_deadline_1d', days: 1, until: 0, label: '1 天' },
] as const;

async function deadlineReminders(now: Date, d: ReminderDeps, report: ReminderReport): Promise<void> {
  for (const k of DEADLINE_KINDS) {
    const job = `deadline:${k.kind}`;
    const previous = await d.notifications.watermark(job);
    // Deadlines whose reminder instant (deadline − days) is in (previous, now], and that are not yet in the next phase.
    const lower = Math.max(now.getTime() + k.until * DAY, previous ? Date.parse(previous) + k.days * DAY : -Infinity);
    const upper = now.getTime() + k.days * DAY;
    if (lower < upper) {
      const cards = await queryAll(d.store, {
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
        ExpressionAttributeValues: {
          ':pk': keys.cataloguePartition('CLOSED', keys.catalogueScope()),
          ':lo': `${iso(Number.isFinite(lower) ? lower : 0)}#~`,
          ':hi': `${iso(upper)}#~`,
        },
      });
      for (const item of cards) {
        const card = fromItem<CatalogueCard>(item);
        if (card.status !== 'published') continue;
        await remindDemand(card, k, now, d, report);
      }
    }
    await d.notifications.setWatermark(job, now);
  }
}

async function remindDemand(
  card: CatalogueCard,
  k: (typeof DEADLINE_KINDS)[number],
  now: Date,
  d: ReminderDeps,
  report: ReminderReport,
): Promise<void> {
  const drafts = await queryAll(d.store, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.demandDraftsPartition(card.id) },
    ProjectionExpression: 'orgId, id',
  });
  const draftOrgs = new Map<string, string>();
  for (const a of drafts) draftOrgs.set(a.orgId as string, a.id as string);
  const watchers = await d.notifications.watchers(card.id);
  const deadline = formatShanghai(card.applicationDeadline);
  const keepUntil = new Date(Date.parse(card.applicationDeadline) + 30 * DAY);
  // Only the demand's public title: nothing that could name an anonymous issuer.
  const base = {
    title: clip(`揭榜截止提醒：还剩${k.label}`, 40),
    objectType: 'demand' as const,
    objectId: card.id,
    createdAt: now.toISOString(),
    facts: { subject: card.title, deadline: card.applicationDeadline },
  };
  for (const [orgId, appId] of draftOrgs) {
    const sent = await remind(
      d,
      card.id,
      k.kind,
      {
        ...base,
        to: `org:${orgId}`,
        kind: `${k.kind}_draft`,
        body: clip(
          `贵单位对需求「${card.title}」的揭榜申请书尚未提交，揭榜将于 ${deadline} 截止，请及时完成并提交。`,
          500,
        ),
        link: links.applicantApplication(appId),
      },
      keepUntil,
      now,
    );
    report[sent ? 'deadline' : 'duplicates']++;
  }
  for (const w of watchers) {
    // A watcher whose enterprise has a draft is reminded through the enterprise's inbox already.
    if (w.orgId && draftOrgs.has(w.orgId)) continue;
    const sent = await remind(
      d,
      card.id,
      k.kind,
      {
        ...base,
        to: `user:${w.userId}`,
        kind: `${k.kind}_watch`,
        body: clip(`您关注的需求「${card.title}」将于 ${deadline} 截止揭榜。`, 500),
        link: links.publicDemand(card.id),
      },
      keepUntil,
      now,
    );
    report[sent ? 'deadline' : 'duplicates']++;
  }
}

// ---- selection deadline ----

const SELECTION_KINDS = [
  { kind: 'reminder_selection_3d', days: 3, until: 1, label: '3 天' },
  { kind: 'reminder_selection_1d', days: 1, until: 0, label: '1 天' },
] as const;
const AWAITING_SELECTION = new Set<Demand['status']>(['published', 'evaluating']);

async function selectionReminders(now: Date, d: ReminderDeps, report: ReminderReport): Promise<void> {
  const campaign = await d.currentCampaign();
  if (!campaign) return;
  const selection = Date.parse(campaign.selectionDeadline);
  for (const k of SELECTION_KINDS) {
    if (now.getTime() < selection - k.days * DAY || now.getTime() >= selection - k.until * DAY) continue;
    const job = `selection:${campaign.year}:${k.kind}`;
    if (await d.notifications.watermark(job)) continue; // this sweep was completed
    // Demands closed by now (deadline passed), read by key to learn their issuer and campaign.
    const cards = await queryAll(d.store, {
      KeyConditionExpression: 'PK = :pk AND SK < :now',
      ExpressionAttributeValues: {
        ':pk': keys.cataloguePartition('CLOSED', keys.catalogueScope()),
        ':now': `${now.toISOString()}#`,
      },
      ProjectionExpression: 'id, #s',
      ExpressionAttributeNames: { '#s': 'status' },
    });
    const ids = cards.filter((c) => AWAITING_SELECTION.has(c.status as Demand['status'])).map((c) => c.id as string);
    for (let i = 0; i < ids.length; i += 100) {
      const demands = await batchGetDemands(d.store, ids.slice(i, i + 100));
      for (const demand of demands) {
        if (demand.campaignYear !== campaign.year || !AWAITING_SELECTION.has(demand.status)) continue;
        const sent = await remind(
          d,
          demand.id,
          k.kind,
          {
            to: `org:${demand.issuerOrgId}`,
            kind: k.kind,
            title: clip(`遴选截止提醒：还剩${k.label}`, 40),
            body: clip(
              `需求「${demand.title}」的遴选将于 ${formatShanghai(campaign.selectionDeadline)} 截止，请及时完成评分并确定揭榜方。`,
              500,
            ),
            link: links.issuerDemand(demand.id),
            objectType: 'demand',
            objectId: demand.id,
            createdAt: now.toISOString(),
            facts: { subject: demand.title, deadline: campaign.selectionDeadline },
          },
          new Date(selection + 30 * DAY),
          now,
        );
        report[sent ? 'selection' : 'duplicates']++;
      }
    }
    await d.notifications.setWatermark(job, now);
  }
}

async function batchGetDemands(store: Store, ids: string[]): Promise<Demand[]> {
  const out: Demand[] = [];
  let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
    [store.table]: { Keys: ids.map((id) => ({ ...keys.demand(id) })) },
  };
  for (let round = 0; request && round < 5; round++) {
    const res: BatchGetCommandOutput = await store.doc.send(new BatchGetCommand({ RequestItems: request }));
    out.push(...(res.Responses?.[store.table] ?? []).map((i: Item) => fromItem<Demand>(i)));
    const left: Item[] | undefined = res.UnprocessedKeys?.[store.table]?.Keys;
    request = left && left.length ? { [store.table]: { Keys: left } } : undefined;
  }
  return out;
}

// ---- authority queues ----

interface Queue {
  partition: string;
  principal: string;
  objectType: 'demand' | 'application';
}

function queues(): Queue[] {
  const out: Queue[] = [
    { partition: keys.ministryDemandQueue, principal: 'ministry', objectType: 'demand' },
    { partition: keys.ministryApplicationQueue, principal: 'ministry', objectType: 'application' },
  ];
  for (const region of AUTHORITY_REGION_CODES) {
    out.push({ partition: keys.provinceDemandQueue(region), principal: `authority:${region}`, objectType: 'demand' });
    out.push({
      partition: keys.provinceApplicationQueue(region),
      principal: `authority:${region}`,
      objectType: 'application',
    });
  }
  return out;
}

async function queueReminders(now: Date, d: ReminderDeps, report: ReminderReport): Promise<void> {
  const job = 'queue:overdue';
  const previous = await d.notifications.watermark(job);
  const prevMs = previous ? Date.parse(previous) : null;
  if (prevMs !== null && now.getTime() - prevMs < QUEUE_SWEEP_EVERY_MS) return;
  // 5 working days span 5–9 calendar days: items that became overdue in (previous, now] entered in this range.
  const hi = `${iso(now.getTime() - QUEUE_WORKING_DAYS * DAY)}#~`;
  const lo = prevMs !== null ? `${iso(prevMs - (QUEUE_WORKING_DAYS + 5) * DAY)}#` : '0';
  // The queues are read 8 at a time (almost all answer empty), then reminded one by one.
  const all = queues();
  const found: { q: Queue; items: Item[] }[] = [];
  for (let i = 0; i < all.length; i += 8) {
    found.push(
      ...(await Promise.all(
        all.slice(i, i + 8).map(async (q) => ({
          q,
          items: await queryAll(d.store, {
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :lo AND :hi',
            ExpressionAttributeValues: { ':pk': q.partition, ':lo': lo, ':hi': hi },
            ProjectionExpression: 'id, title, demandTitle, GSI2SK',
          }),
        })),
      )),
    );
  }
  for (const { q, items } of found) {
    for (const item of items) {
      const enteredAt = (item.GSI2SK as string).split('#')[0]!;
      const overdueAt = addWorkingDays(new Date(enteredAt), QUEUE_WORKING_DAYS).getTime();
      if (!(overdueAt < now.getTime()) || (prevMs !== null && overdueAt < prevMs)) continue;
      const what =
        q.objectType === 'demand' ? `需求「${item.title as string}」` : `揭榜申请（${item.demandTitle as string}）`;
      const sent = await remind(
        d,
        item.id as string,
        `reminder_queue_overdue@${enteredAt}`,
        {
          to: q.principal,
          kind: 'reminder_queue_overdue',
          title: '待审核事项已超过 5 个工作日',
          body: clip(`${what}于 ${formatShanghai(enteredAt)} 报送，已等待超过 5 个工作日，请尽快审核。`, 500),
          link:
            q.objectType === 'demand'
              ? links.authorityDemand(item.id as string)
              : links.authorityApplication(item.id as string),
          objectType: q.objectType,
          objectId: item.id as string,
          createdAt: now.toISOString(),
          facts: { subject: q.objectType === 'demand' ? (item.title as string) : (item.demandTitle as string) },
        },
        new Date(now.getTime() + 60 * DAY),
        now,
      );
      report[sent ? 'queue' : 'duplicates']++;
    }
  }
  await d.notifications.setWatermark(job, now);
}

/** Run every reminder job once at `now`. */
export async function runReminders(now: Date, d: ReminderDeps): Promise<ReminderReport> {
  const report: ReminderReport = { deadline: 0, selection: 0, queue: 0, events: 0, meetings: 0, duplicates: 0 };
  await deadlineReminders(now, d, report);
  await selectionReminders(now, d, report);
  await queueReminders(now, d, report);
  // events (百场万企)
  await eventReminders(now, d, report);
  return report;
}
