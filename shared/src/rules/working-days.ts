/**
 * Working days in Asia/Shanghai: Monday to Friday, less the public holidays a caller passes (the 公示 period takes
 * them from the campaign's data: the State Council publishes them each year). The weekend days swapped around them
 * (调休) are not modelled: they count as rest days, so a period that crosses one ends a day late, never early.
 * Without a holiday list (the authorities' reminders) an item waiting over a holiday is reminded a little early.
 */

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has no DST
const DAY_MS = 86_400_000;

/** Day of week (0 = Sunday) of an instant, in Shanghai. */
export function shanghaiWeekday(ms: number): number {
  return new Date(ms + SHANGHAI_OFFSET_MS).getUTCDay();
}

/** The Shanghai calendar date of an instant, `yyyy-mm-dd` (the holidays' format). */
export const shanghaiDate = (ms: number): string => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

const workingDay = (holidays: ReadonlySet<string>) => (ms: number) => {
  const d = shanghaiWeekday(ms);
  return d !== 0 && d !== 6 && !holidays.has(shanghaiDate(ms));
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
export function addWorkingDays(from: Date, n: number, holidays: ReadonlySet<string> = NO_HOLIDAYS): Date {
  const isWorkingDay = workingDay(holidays);
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
export function workingDaysBefore(deadline: Date, n: number, holidays: ReadonlySet<string> = NO_HOLIDAYS): Date {
  const isWorkingDay = workingDay(holidays);
  let t = startOfShanghaiDay(deadline.getTime());
  let left = n;
  while (left > 0) {
    t -= DAY_MS;
    if (isWorkingDay(t)) left--;
  }
  return new Date(t);
}
