/**
 * 公示 (issue 17): a reminder to the ministry when a result's notice period has ended with objections still
 * unanswered — the result cannot become final until each is answered. Run by a schedule
 * (functions/sls/publicity.yml; locally with the other jobs in `runDue`); to the ministry's inbox and, through the
 * outbox, as a `review_todo` subscribe message to each of its members who consented.
 *
 * Sent once per period (a demand's result and the end of its period): the marker of `remind` (attribute_not_exists,
 * in the notification's transaction) holds against a second run and against two runs at once. A result reselected
 * after an upheld objection has a new period, reminded on its own.
 *
 * Reads: one Query of the objections still pending (P2, filtered on status and period end: tens a campaign).
 */
import { formatShanghai, links } from '@jiebang/shared';
import { deps as handlerDeps, type Deps } from '../deps';
import type { Store } from '../store/client';
import type { DynamoNotificationRepository } from '../store/dynamo-notifications';
import { fromItem } from '../store/items';
import { publicityKeys } from '../store/keys';
import { queryAll } from '../store/query-all';
import type { ObjectionRecord } from '../store/dynamo-publicity';
import { clip, remind } from './reminders';
import { notificationDeps } from './wiring';

const DAY = 86_400_000;

export interface ObjectionReminderDeps {
  store: Store;
  notifications: DynamoNotificationRepository;
}

export interface ObjectionReminderReport {
  /** Reminders written now. */
  sent: number;
  /** Already sent by an earlier or a concurrent run (marker present). */
  duplicates: number;
}

/** Objections still pending whose period ended at or before `now` (P2 with a filter). */
async function overdue(store: Store, now: Date): Promise<ObjectionRecord[]> {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    FilterExpression: '#status = :pending AND noticeUntil <= :now',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':pk': publicityKeys.allObjectionsPartition,
      ':pending': 'pending',
      ':now': now.toISOString(),
    },
  });
  // noticeUntil is stored as an ISO instant in UTC (toISOString), so the string comparison is the time order.
  return items.map((i) => fromItem<ObjectionRecord>(i));
}

/** Run the reminders due at `now`: one per period that ended with objections unanswered. */
export async function runObjectionReminders(now: Date, d: ObjectionReminderDeps): Promise<ObjectionReminderReport> {
  const report: ObjectionReminderReport = { sent: 0, duplicates: 0 };
  const periods = new Map<string, ObjectionRecord[]>();
  for (const o of await overdue(d.store, now)) {
    const key = `${o.demandId}@${o.noticeUntil}`;
    periods.set(key, [...(periods.get(key) ?? []), o]);
  }
  for (const [key, list] of periods) {
    const first = [...list].sort((a, b) => a.filedAt.localeCompare(b.filedAt))[0]!;
    const sent = await remind(
      d,
      `objections-${first.demandId}`,
      `objections_unanswered@${key.split('@')[1]}`,
      {
        to: 'ministry',
        kind: 'objections_unanswered',
        title: clip(`公示期已结束，${list.length} 项异议待答复`, 40),
        body: clip(
          `“${first.demandTitle}”的遴选结果公示期已于 ${formatShanghai(first.noticeUntil)}（北京时间）结束，仍有 ${list.length} 项异议未答复；答复前该结果不能确定，请尽快核实并答复。`,
          500,
        ),
        link: links.objection(first.id),
        objectType: 'demand',
        objectId: first.demandId,
        createdAt: now.toISOString(),
      },
      new Date(Date.parse(first.noticeUntil) + 60 * DAY),
      now,
    );
    report[sent ? 'sent' : 'duplicates']++;
  }
  return report;
}

/** The job with the handlers' dependencies (its function, and the local scheduler's `runDue`). */
export function runObjectionRemindersNow(now: Date, d: Deps = handlerDeps()): Promise<ObjectionReminderReport> {
  return runObjectionReminders(now, { store: d.store, notifications: notificationDeps(d).notifications });
}
