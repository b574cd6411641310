/** Display helpers of the 百场万企 events (calendar, pass, organiser console). */
import { EVENT_TYPES, FIELDS, REGISTRATION_STATUSES } from '@jiebang/shared';
import type { EventType, FieldKey, RegistrationStatus } from '@jiebang/shared';
import { beijingParts } from './beijing-time';

/** "12-12 09:00–17:00" (same day) or "12-12 09:00 至 12-13 17:00", Beijing time. */
export function eventTimeText(startsAt: string, endsAt: string): string {
  const s = beijingParts(startsAt);
  const e = beijingParts(endsAt);
  return s.date === e.date
    ? `${s.date.slice(5)} ${s.time}–${e.time}`
    : `${s.date.slice(5)} ${s.time} 至 ${e.date.slice(5)} ${e.time}`;
}

/** "12-12 09:00" Beijing time. */
export const shortTime = (instant: string) => {
  const p = beijingParts(instant);
  return `${p.date.slice(5)} ${p.time}`;
};

export const eventTypeText = (t: EventType) => EVENT_TYPES[t];
export const chainText = (f: FieldKey) => FIELDS[f];
export { eventStatusText } from '@jiebang/shared';
export const registrationStatusText = (s: RegistrationStatus) => REGISTRATION_STATUSES[s];

/** The meeting slots of an event: every `slotMinutes` from its start while a whole slot fits. */
export function slotsOf(e: { startsAt: string; endsAt: string; slotMinutes: number }): string[] {
  const out: string[] = [];
  const step = e.slotMinutes * 60_000;
  for (let t = Date.parse(e.startsAt); t + step <= Date.parse(e.endsAt); t += step) out.push(new Date(t).toISOString());
  return out;
}
