/**
 * Reminders of the 百场万企 events against DynamoDB Local, with the scheduler's reminder run at chosen instants:
 * the day before an event to each approved registrant (not the pending one, nothing for a cancelled event), an
 * hour before an accepted meeting to both sides (not a requested one) — each exactly once, also when three runs
 * go at once or a run is repeated — and into the outbox, from which the dispatcher sends the subscribe message.
 */
import { describe, expect, it } from '@jest/globals';
import { runRemindersNow } from '../../functions/src/scheduler';
import { handler as cancelH } from '../../functions/src/handlers/events-cancel';
import { handler as meetDecideH } from '../../functions/src/handlers/event-meetings-decide';
import { inboxOf } from './evaluation-support';
import {
  approvedRegistrant,
  clockEachTestAt,
  expectWith,
  invoke,
  organiser,
  publishedEvent,
  register,
  requestedMeeting,
  sme,
} from './events-support';

clockEachTestAt();

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Three runs at once at `at`: what they sent together. */
async function runs(at: number, n = 3) {
  const reports = await Promise.all(Array.from({ length: n }, () => runRemindersNow(new Date(at))));
  return {
    events: reports.reduce((s, r) => s + r.events, 0),
    meetings: reports.reduce((s, r) => s + r.meetings, 0),
  };
}

const remindersIn = async (orgId: string, kind: string) =>
  (await inboxOf(`org:${orgId}`)).filter((n) => n.kind === kind);

describe('events: reminders', () => {
  it('the day before the event and an hour before each accepted meeting, once each, never for what will not happen', async () => {
    const org = await organiser();
    const ev = await publishedEvent(org);
    const start = Date.parse(ev.startsAt);
    const host = await approvedRegistrant(ev.id, org, 'host');
    const guest = await approvedRegistrant(ev.id, org, 'participant');
    const other = await approvedRegistrant(ev.id, org, 'participant', {}, { name: '提醒测试二号企业有限公司' });
    const pending = await sme({ name: '提醒测试待审核企业有限公司' });
    expect((await register(ev.id, pending.admin.token, { role: 'participant', offers: '检测' })).status).toBe(201);
    // A second event at the same time, cancelled: its registrant hears nothing more.
    const cancelled = await publishedEvent(org, { title: '“百场万企”提醒测试取消专场' });
    const cancelledGuest = await approvedRegistrant(
      cancelled.id,
      org,
      'participant',
      {},
      { name: '取消场企业有限公司' },
    );
    const off = await invoke(cancelH, {
      method: 'POST',
      token: org.token,
      params: { id: cancelled.id },
      body: { reason: '场地调整' },
    });
    expectWith(off.status, off.text).toBe(200);

    // guest × host accepted at start + 40 min; other → host only requested (at start).
    const slot = new Date(start + 40 * MIN).toISOString();
    const meetingId = await requestedMeeting(ev.id, guest.admin.token, host.regId, slot);
    const accepted = await invoke(meetDecideH, {
      method: 'POST',
      token: host.admin.token,
      params: { id: meetingId },
      body: { decision: 'accept' },
    });
    expectWith(accepted.status, accepted.text).toBe(200);
    await requestedMeeting(ev.id, other.admin.token, host.regId, ev.startsAt);

    // The day before: not a minute early; then once to each approved registrant of the event held.
    expect(await runs(start - DAY - MIN, 1)).toEqual({ events: 0, meetings: 0 });
    expect(await runs(start - DAY + MIN)).toEqual({ events: 3, meetings: 0 });
    expect(await runs(start - DAY + 2 * MIN)).toEqual({ events: 0, meetings: 0 });
    expect(await runs(start - DAY + MIN)).toEqual({ events: 0, meetings: 0 });
    for (const r of [host, guest, other]) {
      const got = await remindersIn(r.org.id, 'reminder_event_1d');
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ objectType: 'event', objectId: ev.id, delivery: 'pending' });
      expect(got[0]!.body).toContain('参会凭证');
    }
    expect(await remindersIn(pending.org.id, 'reminder_event_1d')).toHaveLength(0);
    expect(await remindersIn(cancelledGuest.org.id, 'reminder_event_1d')).toHaveLength(0);

    // An hour before the accepted meeting: both sides, once; the requested one (at the start) reminds no one.
    expect(await runs(Date.parse(slot) - HOUR - MIN, 1)).toEqual({ events: 0, meetings: 0 });
    expect(await runs(Date.parse(slot) - HOUR + MIN)).toEqual({ events: 0, meetings: 2 });
    expect(await runs(Date.parse(slot) - 30 * MIN)).toEqual({ events: 0, meetings: 0 });
    const hostSide = await remindersIn(host.org.id, 'reminder_meeting');
    const guestSide = await remindersIn(guest.org.id, 'reminder_meeting');
    expect(hostSide).toHaveLength(1);
    expect(guestSide).toHaveLength(1);
    expect(hostSide[0]!.body).toContain(guest.org.name);
    expect(guestSide[0]!.body).toContain(host.org.name);
    expect(await remindersIn(other.org.id, 'reminder_meeting')).toHaveLength(0);
  }, 120_000);
});
