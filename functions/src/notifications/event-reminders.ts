/**
 * Reminders of the 百场万企 events (run with the other reminders, every 5 minutes; locally every 60 s):
 *
 * - the day before an event (24 h before it starts), to every approved registrant's enterprise;
 * - an hour before each accepted 1:1 meeting, to both sides' enterprises.
 *
 * Each goes at most once per recipient and subject (the marker of `remind`, written with attribute_not_exists in
 * the notification's transaction): a run repeated, or two runs at once, send nothing twice. Notifications enter the
 * outbox like every other, so the dispatcher sends the subscribe message where the member consented (template
 * `status_update`). Only Queries: events by start are the calendar's `ALL` partition (EV3, sorted by start),
 * accepted meetings by slot the sparse GSI2 entry of an accepted meeting (EV13, one partition per day). A watermark
 * per job keeps a run to what became due since the previous one; a meeting accepted less than an hour before its
 * slot gets no reminder (its acceptance notice came just before), like an event published less than a day ahead.
 */
import { formatShanghai, links, type EventCard } from '@jiebang/shared';
import { DynamoEventRepository, type EventRecord, type MeetingRecord } from '../store/dynamo-events';
import { fromItem } from '../store/items';
import { eventKeys } from '../store/keys';
import { queryAll } from '../store/query-all';
import { clip, remind, type ReminderDeps, type ReminderReport } from './reminders';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long before its start an event is reminded of. */
export const EVENT_REMINDER_LEAD_MS = DAY;
/** How long before its slot a meeting is reminded of. */
export const MEETING_REMINDER_LEAD_MS = HOUR;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The window of instants `[lower, upper]` whose reminder (instant − lead) became due in (previous run, now], not
 * yet started; null when empty.
 */
function dueWindow(now: Date, previous: string | null, lead: number): { lower: number; upper: number } | null {
  const lower = Math.max(now.getTime(), previous ? Date.parse(previous) + lead : -Infinity);
  const upper = now.getTime() + lead;
  return lower < upper ? { lower, upper } : null;
}

/** One reminder to an enterprise about an event (its pass page), counted as sent or already sent. */
async function eventReminder(
  d: ReminderDeps,
  report: ReminderReport,
  counter: 'events' | 'meetings',
  now: Date,
  r: {
    subjectId: string;
    kind: string;
    orgId: string;
    title: string;
    body: string;
    event: { id: string; title: string };
    /** The instant it is about (the start, the slot). */
    at: string;
    keepUntil: Date;
  },
): Promise<void> {
  const sent = await remind(
    d,
    r.subjectId,
    r.kind,
    {
      to: `org:${r.orgId}`,
      kind: r.kind,
      title: r.title,
      body: clip(r.body, 500),
      link: links.myEventPass(r.event.id),
      objectType: 'event',
      objectId: r.event.id,
      createdAt: now.toISOString(),
      facts: { subject: r.event.title, deadline: r.at },
    },
    r.keepUntil,
    now,
  );
  report[sent ? counter : 'duplicates']++;
}

async function dayBefore(now: Date, d: ReminderDeps, events: DynamoEventRepository, report: ReminderReport) {
  const job = 'event:day_before';
  const w = dueWindow(now, await d.notifications.watermark(job), EVENT_REMINDER_LEAD_MS);
  if (w) {
    const cards = await queryAll(d.store, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
      ExpressionAttributeValues: {
        ':pk': eventKeys.calendarPartition(eventKeys.calendarScope({})),
        ':lo': `${iso(w.lower)}#~`,
        ':hi': `${iso(w.upper)}#~`,
      },
    });
    for (const item of cards) {
      const card = fromItem<EventCard>(item);
      if (card.status !== 'published') continue;
      const where = card.venue ? `地点：${card.venue}` : '线上举办';
      const registrations = await events.allRegistrations(card.id);
      for (const r of registrations.filter((x) => x.status === 'approved')) {
        await eventReminder(d, report, 'events', now, {
          subjectId: card.id,
          kind: 'reminder_event_1d',
          orgId: r.orgId,
          title: '活动提醒：明天举办',
          body: `贵单位报名的「${card.title}」将于 ${formatShanghai(card.startsAt)} 开始，${where}。请按时到场，出示参会凭证二维码签到。`,
          event: { id: card.id, title: card.title },
          at: card.startsAt,
          keepUntil: new Date(Date.parse(card.endsAt) + 30 * DAY),
        });
      }
    }
  }
  await d.notifications.setWatermark(job, now);
}

/** The UTC days ("YYYY-MM-DD") from `lower` to `upper`: the partitions of EV13 to read. */
function daysBetween(lower: number, upper: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(iso(lower).slice(0, 10)); t <= upper; t += DAY) out.push(iso(t).slice(0, 10));
  return out;
}

async function beforeMeetings(now: Date, d: ReminderDeps, events: DynamoEventRepository, report: ReminderReport) {
  const job = 'event:meeting';
  const w = dueWindow(now, await d.notifications.watermark(job), MEETING_REMINDER_LEAD_MS);
  if (w) {
    const eventOf = new Map<string, Promise<EventRecord | null>>();
    for (const day of daysBetween(w.lower, w.upper)) {
      const items = await queryAll(d.store, {
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :lo AND :hi',
        ExpressionAttributeValues: {
          ':pk': eventKeys.acceptedMeetingsPartition(day),
          ':lo': `${iso(w.lower)}#~`,
          ':hi': `${iso(w.upper)}#~`,
        },
      });
      for (const item of items) {
        const m = fromItem<MeetingRecord>(item);
        if (m.status !== 'accepted') continue;
        if (!eventOf.has(m.eventId)) eventOf.set(m.eventId, events.getEvent(m.eventId));
        const e = await eventOf.get(m.eventId)!;
        // A cancelled event's meetings do not take place.
        if (!e || e.status !== 'published') continue;
        const sides = [
          { orgId: m.fromOrgId, other: m.toOrgName },
          { orgId: m.toOrgId, other: m.fromOrgName },
        ];
        for (const side of sides) {
          await eventReminder(d, report, 'meetings', now, {
            subjectId: m.id,
            kind: 'reminder_meeting',
            orgId: side.orgId,
            title: '洽谈提醒：1 小时后开始',
            body: `与「${side.other}」的一对一洽谈将于 ${formatShanghai(m.slotStart)} 开始（${e.title}）。请按时到场。`,
            event: { id: m.eventId, title: e.title },
            at: m.slotStart,
            keepUntil: new Date(Date.parse(m.slotEnd) + 30 * DAY),
          });
        }
      }
    }
  }
  await d.notifications.setWatermark(job, now);
}

/** Both jobs once at `now`. */
export async function eventReminders(now: Date, d: ReminderDeps, report: ReminderReport): Promise<void> {
  const events = new DynamoEventRepository(d.store);
  await dayBefore(now, d, events, report);
  await beforeMeetings(now, d, events, report);
}
