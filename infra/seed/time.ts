/** Time helpers of the seed: instants relative to the seeding moment, stated the way the platform stores them. */

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has no DST

const pad = (n: number) => String(n).padStart(2, '0');

/** The Asia/Shanghai calendar date `days` after `now` (negative = before), as "YYYY-MM-DD". */
export function shanghaiDate(now: Date, days: number): string {
  const d = new Date(now.getTime() + days * DAY_MS + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A deadline as issuers state it: 17:00 Beijing time on the date `days` after `now` ("…T17:00:00+08:00"). */
export const deadlineIn = (now: Date, days: number): string => `${shanghaiDate(now, days)}T17:00:00+08:00`;

/**
 * A past moment `days` before `now` at `hour`:00 Beijing time, in the server's own format (`toISOString`, UTC),
 * because catalogue sort keys are built from publishedAt strings and must sort with the ones the API writes.
 */
export function daysAgo(now: Date, days: number, hour = 10): string {
  const date = shanghaiDate(now, -days);
  return new Date(`${date}T${pad(hour)}:00:00+08:00`).toISOString();
}
