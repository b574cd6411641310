/**
 * Working days in Asia/Shanghai: Monday to Friday. Public holidays and the weekend days swapped around them
 * (调休) are not modelled: an item waiting over a holiday is reminded a little early, never late.
 */

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has no DST
const DAY_MS = 86_400_000;

/** Day of week (0 = Sunday) of an instant, in Shanghai. */
export function shanghaiWeekday(ms: number): number {
  return new Date(ms + SHANGHAI_OFFSET_MS).getUTCDay();
}

const isWorkingDay = (ms: number) => {
  const d = shanghaiWeekday(ms);
  return d !== 0 && d !== 6;
};

/** Midnight (Shanghai) at the start of the day containing `ms`, as an epoch instant. */
function startOfShanghaiDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/**
 * The instant `n` working days after `from`. Time spent on a weekend does not count: an item that arrives on
 * Saturday starts counting on Monday 00:00; one that arrives Tuesday 10:00 is 5 working days old the next
 * Tuesday 10:00.
 */
export function addWorkingDays(from: Date, n: number): Date {
  let t = from.getTime();
  if (!isWorkingDay(t)) {
    while (!isWorkingDay(t)) t = startOfShanghaiDay(t) + DAY_MS;
  }
  let left = n;
  while (left > 0) {
    t += DAY_MS;
    if (isWorkingDay(t)) left--;
  }
  return new Date(t);
}

/** True when something that started waiting at `since` has waited more than `n` working days at `now`. */
export function waitedMoreThanWorkingDays(since: Date, now: Date, n: number): boolean {
  return now.getTime() > addWorkingDays(since, n).getTime();
}

/**
 * Midnight (Shanghai) at the start of the `n`-th working day before the day of `deadline` (the deadline's own day
 * not counted): 5 working days before a Friday is the Friday before; 1 working day before a Monday (or a Sunday)
 * is the Friday before it. Reminders "n working days before" are due from that instant.
 */
export function workingDaysBefore(deadline: Date, n: number): Date {
  let t = startOfShanghaiDay(deadline.getTime());
  let left = n;
  while (left > 0) {
    t -= DAY_MS;
    if (isWorkingDay(t)) left--;
  }
  return new Date(t);
}
