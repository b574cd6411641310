/**
 * Beijing time (Asia/Shanghai, UTC+8 all year) for the form's date and time pickers. Pickers give and take plain
 * "YYYY-MM-DD" / "HH:mm" strings; deadlines travel as instants with their +08:00 offset, so what the issuer
 * picked is what the authorities and applicants read, whatever the phone's own time zone.
 */
import { formatShanghai } from '@jiebang/shared';

/** "2027-06-30T17:00:00+08:00" → { date: "2027-06-30", time: "17:00" } in Beijing time. */
export function beijingParts(instant: string): { date: string; time: string } {
  const text = formatShanghai(instant);
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

/** Beijing date and time → an ISO 8601 instant with offset, or null when either is missing or malformed. */
export function beijingInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const iso = `${date}T${time}:00+08:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** Today's date in Beijing ("YYYY-MM-DD"). */
export function beijingToday(now: Date = new Date()): string {
  return beijingParts(now.toISOString()).date;
}

/** "2027-06-30" + n days (calendar arithmetic in UTC, where there is no DST to trip on). */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
