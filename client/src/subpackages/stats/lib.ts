import { STATS_REPORT_STATES, type StatsReportState } from '@jiebang/shared';

/** The period an authority works on now: the whole previous year until its January deadline, else this year. */
export function currentPeriod(now = new Date()): string {
  const bj = new Date(now.getTime() + 8 * 3600_000);
  const year = bj.getUTCFullYear();
  const month = bj.getUTCMonth() + 1;
  if (month === 1 && bj.getUTCDate() <= 10) return `${year - 1}Y`;
  return month <= 7 && !(month === 7 && bj.getUTCDate() > 10) ? `${year}H1` : `${year}Y`;
}

export const stateText = (s: StatsReportState) => STATS_REPORT_STATES[s];
export const REPORT = '/subpackages/stats/pages/report/index';
