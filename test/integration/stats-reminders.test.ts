/**
 * 统计表 deadline reminders against DynamoDB Local, with a fake `now`: 5 and 1 working days before a deadline set
 * as campaign data (a Monday, so that the weekend before it is crossed), to the authorities that have not
 * submitted, once each — also when the job runs twice, or twice at the same time.
 */
import { describe, expect, it } from '@jest/globals';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { AUTHORITY_REGION_CODES, links } from '@jiebang/shared';
import { deps } from '../../functions/src/deps';
import { templateKeyOf } from '../../functions/src/notifications/templates';
import { runStatsRemindersNow } from '../../functions/src/scheduler';
import { DynamoStatsRepository } from '../../functions/src/store/dynamo-stats';
import { statsKeys, STATS_ENTITY } from '../../functions/src/store/keys';
import { inboxOf } from '../support/inspect';

const PERIOD = '2029H1';
// A Monday: 5 working days before it is Monday 2029-07-09, 1 working day before it Friday 2029-07-13.
const DEADLINE = new Date('2029-07-16T17:00:00+08:00').toISOString();
const at = (s: string) => new Date(s);

async function setState(region: string, state: string) {
  const { store } = deps();
  await store.doc.send(
    new PutCommand({
      TableName: store.table,
      Item: { ...statsKeys.report(PERIOD, region), entityType: STATS_ENTITY.report, region, period: PERIOD, state },
    }),
  );
}

async function inbox(region: string) {
  return (await inboxOf(`authority:${region}`)).filter((n) => String(n.kind).startsWith('reminder_deadline_stats_'));
}

describe('统计表 reminders', () => {
  it('5 and 1 working days before, to authorities not yet submitted, once each', async () => {
    const all = AUTHORITY_REGION_CODES.length;
    expect(await new DynamoStatsRepository(deps().store).setPeriodDeadlineIfAbsent(PERIOD, DEADLINE)).toBe(true);
    await setState('110000', 'submitted');
    await setState('120000', 'accepted');
    await setState('130000', 'returned');
    await setState('140000', 'draft');

    // Friday and the weekend before: 6 working days left — nothing yet.
    expect(await runStatsRemindersNow(at('2029-07-06T10:00:00+08:00'))).toEqual({ sent: 0, duplicates: 0, skipped: 0 });
    expect(await runStatsRemindersNow(at('2029-07-08T23:59:59+08:00'))).toEqual({ sent: 0, duplicates: 0, skipped: 0 });

    // Monday 00:00: 5 working days before, to every authority but the submitted and the accepted one.
    expect(await runStatsRemindersNow(at('2029-07-09T00:00:00+08:00'))).toEqual({
      sent: all - 2,
      duplicates: 0,
      skipped: 2,
    });
    // The scheduler runs again: the sweep is done.
    expect(await runStatsRemindersNow(at('2029-07-09T01:00:00+08:00'))).toEqual({ sent: 0, duplicates: 0, skipped: 0 });

    // 深圳 submits before the 1-day reminder; the reminder then runs twice at once (neither sees the other's
    // watermark): each authority gets it once, whichever run wrote it.
    await setState('440300', 'submitted');
    expect(await runStatsRemindersNow(at('2029-07-12T23:59:59+08:00'))).toEqual({ sent: 0, duplicates: 0, skipped: 0 });
    const both = await Promise.all([
      runStatsRemindersNow(at('2029-07-13T00:00:00+08:00')),
      runStatsRemindersNow(at('2029-07-13T00:00:01+08:00')),
    ]);
    const sent = both.reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe(all - 3);
    // A run that found the watermark counts nothing; one that swept alongside found the markers of the other.
    for (const r of both) expect(r.sent + r.duplicates === 0 || r.sent + r.duplicates === all - 3).toBe(true);
    // The weekend and the deadline's day are still in the 1-day window (already sent); after the deadline, nothing.
    expect(await runStatsRemindersNow(at('2029-07-14T12:00:00+08:00'))).toEqual({ sent: 0, duplicates: 0, skipped: 0 });
    expect(await runStatsRemindersNow(at('2029-07-16T17:00:00+08:00'))).toEqual({ sent: 0, duplicates: 0, skipped: 0 });

    expect(await inbox('110000')).toEqual([]);
    expect(await inbox('120000')).toEqual([]);
    expect((await inbox('440300')).map((n) => n.kind)).toEqual(['reminder_deadline_stats_5wd']);
    const draft = await inbox('140000');
    expect(draft.map((n) => n.kind).sort()).toEqual(['reminder_deadline_stats_1wd', 'reminder_deadline_stats_5wd']);
    expect(draft[0]).toMatchObject({
      to: 'authority:140000',
      link: links.statsReport('140000', PERIOD),
      delivery: 'pending', // in the outbox: the dispatcher sends it to each consenting member
    });
    expect(draft.map((n) => n.title).sort()).toEqual([
      '统计表报送提醒：还剩1个工作日',
      '统计表报送提醒：还剩5个工作日',
    ]);
    expect(String(draft[0]!.body)).toContain('2029-07-16 17:00');
    // The subscribe message it becomes: the deadline template.
    expect(templateKeyOf({ kind: String(draft[0]!.kind), to: 'authority:140000' })).toBe('deadline_reminder');
    const returned = await inbox('130000');
    expect(returned).toHaveLength(2);
    expect(String(returned[0]!.body)).toContain('已退回的统计表');

    // The ministry moves the deadline a week later: a new deadline, reminded again.
    const { store } = deps();
    const later = new Date('2029-07-23T17:00:00+08:00').toISOString();
    await store.doc.send(
      new PutCommand({
        TableName: store.table,
        Item: { ...statsKeys.period(PERIOD), entityType: STATS_ENTITY.period, period: PERIOD, deadline: later },
      }),
    );
    expect((await runStatsRemindersNow(at('2029-07-20T09:00:00+08:00'))).sent).toBe(all - 3);
  }, 120_000);
});
