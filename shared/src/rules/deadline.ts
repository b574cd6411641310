/** Deadline rules. Deadlines are instants; the server clock decides, the client only displays. */

/** A demand accepts applications while now is strictly before its deadline. */
export function isOpen(applicationDeadline: string, now: Date): boolean {
  return now.getTime() < Date.parse(applicationDeadline);
}

/** Human countdown in Chinese ("剩 3 天 4 小时", "剩 25 分钟", "已截止"). */
export function countdownText(deadline: string, now: Date): string {
  const ms = Date.parse(deadline) - now.getTime();
  if (!(ms > 0)) return '已截止';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `剩 ${days} 天 ${hours} 小时`;
  if (hours > 0) return `剩 ${hours} 小时 ${minutes % 60} 分钟`;
  return `剩 ${Math.max(minutes, 1)} 分钟`;
}

/** Format an instant in Asia/Shanghai as "2024-07-12 17:00" without depending on the host time zone. */
export function formatShanghai(instant: string): string {
  const d = new Date(Date.parse(instant) + 8 * 3600_000); // China has no DST
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/**
 * The Beijing day of an instant as a heading, from `now`'s point of view: "今天", "昨天", "11月28日" in the same
 * year, "2025年11月28日" otherwise (the inbox groups its messages by it).
 */
export function dayLabel(instant: string, now: Date): string {
  const day = formatShanghai(instant).slice(0, 10);
  const today = formatShanghai(now.toISOString()).slice(0, 10);
  if (day === today) return '今天';
  if (day === formatShanghai(new Date(now.getTime() - 86_400_000).toISOString()).slice(0, 10)) return '昨天';
  const [y, m, d] = day.split('-').map(Number);
  return day.slice(0, 4) === today.slice(0, 4) ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}
