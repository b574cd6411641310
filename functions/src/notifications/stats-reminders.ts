/**
 * 统计表 deadline reminders (programmes.md §2), run by a schedule (functions/sls/stats.yml; locally with the other
 * jobs in `runDue`): 5 and 1 working days before a period's deadline (campaign data, S4; the notice's default
 * otherwise), to the inbox of every authority whose report is not submitted — and, through the outbox, as a
 * `deadline_reminder` subscribe message to each of its members who consented.
 *
 * Sent once per authority, period, deadline and reminder: the marker of `remind` (attribute_not_exists, in the
 * notification's transaction) holds against a second run and against two runs at once. A watermark per period,
 * deadline and reminder then keeps later runs to one Query and one GetItem: a report returned after the sweep
 * gets the next reminder, not this one again. A deadline moved by the ministry is a new deadline: it is reminded
 * again.
 *
 * Reads: one Query of the periods' deadlines, and per due reminder a watermark GetItem and one Query of the
 * period's reports (S2) — no Scan.
 */
import {
  AUTHORITY_REGION_CODES,
  awaitsSubmission,
  dueStatsReminder,
  formatShanghai,
  links,
  periodsAround,
  statsPeriod,
  type StatsReportState,
} from '@jiebang/shared';
import { deps as handlerDeps, type Deps } from '../deps';
import type { Store } from '../store/client';
import type { DynamoNotificationRepository } from '../store/dynamo-notifications';
import { DynamoStatsRepository } from '../store/dynamo-stats';
import { clip, remind } from './reminders';
import { notificationDeps } from './wiring';

const DAY = 86_400_000;

export interface StatsReminderDeps {
  store: Store;
  notifications: DynamoNotificationRepository;
  stats: Pick<DynamoStatsRepository, 'periodDeadlines' | 'listReports'>;
}

export interface StatsReminderReport {
  /** Reminders written now. */
  sent: number;
  /** Already sent by an earlier or a concurrent run (marker present). */
  duplicates: number;
  /** Authorities whose report was submitted or accepted: not reminded. */
  skipped: number;
}

/** Run the 统计表 reminders due at `now`. */
export async function runStatsReminders(now: Date, d: StatsReminderDeps): Promise<StatsReminderReport> {
  const report: StatsReminderReport = { sent: 0, duplicates: 0, skipped: 0 };
  const set = await d.stats.periodDeadlines();
  const periods = new Set([...periodsAround(now), ...set.keys()]);
  for (const period of periods) {
    const deadline = set.get(period) ?? statsPeriod(period).defaultDeadline;
    const days = dueStatsReminder(deadline, now);
    if (days === null) continue;
    const kind = `reminder_deadline_stats_${days}wd`;
    const job = `stats:${period}:${kind}@${deadline}`;
    if (await d.notifications.watermark(job)) continue; // this sweep was completed
    const states = new Map<string, StatsReportState>(
      (await d.stats.listReports(period)).map((r) => [r.region, r.state]),
    );
    const p = statsPeriod(period);
    for (const region of AUTHORITY_REGION_CODES) {
      const state = states.get(region) ?? 'not_started';
      if (!awaitsSubmission(state)) {
        report.skipped++;
        continue;
      }
      const what = state === 'returned' ? '已退回的统计表（附件6）尚未重新提交' : '统计表（附件6）尚未提交';
      const sent = await remind(
        d,
        `stats-${period}`,
        `${kind}@${deadline}`,
        {
          to: `authority:${region}`,
          kind,
          title: clip(`统计表报送提醒：还剩${days}个工作日`, 40),
          body: clip(
            `贵部门${p.label}的${what}，报送截止时间为 ${formatShanghai(deadline)}，请在统计看板与统计表中填写并提交。`,
            500,
          ),
          link: links.statsReport(region, period),
          createdAt: now.toISOString(),
          facts: { subject: `${p.label}统计表（附件6）`, deadline },
        },
        new Date(Date.parse(deadline) + 30 * DAY),
        now,
      );
      report[sent ? 'sent' : 'duplicates']++;
    }
    await d.notifications.setWatermark(job, now);
  }
  return report;
}

/** The job with the handlers' dependencies (its function, and the local scheduler's `runDue`). */
export function runStatsRemindersNow(now: Date, d: Deps = handlerDeps()): Promise<StatsReminderReport> {
  return runStatsReminders(now, {
    store: d.store,
    notifications: notificationDeps(d).notifications,
    stats: new DynamoStatsRepository(d.store),
  });
}
