/**
 * 公示 of the 揭榜名单 (programmes.md §5): the list is published when the campaign's selection window closes and
 * stays open to objections for a notice period of working days (5 by default; the campaign may set another
 * number and its public holidays). A result selected later (a re-selection after an upheld objection, a late
 * decision) gets a period of its own from its selection. Pure: the server enforces it on its clock, the client
 * shows it.
 */
import { addWorkingDays } from './working-days';

/** Working days of the notice period when the campaign sets none. */
export const NOTICE_WORKING_DAYS = 5;

export interface NoticeCampaign {
  selectionDeadline: string;
  noticeWorkingDays?: number | undefined;
  holidays?: readonly string[] | undefined;
}

export interface NoticePeriod {
  from: string;
  until: string;
}

/** A period of the campaign's working days starting at `from`. */
function periodFrom(c: NoticeCampaign, from: string): NoticePeriod {
  const until = addWorkingDays(new Date(from), c.noticeWorkingDays ?? NOTICE_WORKING_DAYS, new Set(c.holidays ?? []));
  return { from, until: until.toISOString() };
}

/** The campaign's 公示 period: from the close of selection, its working days. */
export function noticePeriod(c: NoticeCampaign): NoticePeriod {
  return periodFrom(c, new Date(Date.parse(c.selectionDeadline)).toISOString());
}

/** One result's period: the campaign's, or its own when it was selected after the campaign's began. */
export function resultNoticePeriod(c: NoticeCampaign, selectedAt: string): NoticePeriod {
  const campaign = noticePeriod(c);
  return Date.parse(selectedAt) > Date.parse(campaign.from) ? periodFrom(c, selectedAt) : campaign;
}

/** True while an objection may be filed: strictly before the end of the result's period (server clock). */
export const mayObject = (period: NoticePeriod, now: Date): boolean => now.getTime() < Date.parse(period.until);

export const RESULT_STATES = ['notice', 'objected', 'final', 'reselecting'] as const;
export type ResultState = (typeof RESULT_STATES)[number];

export const RESULT_STATE_LABELS: Record<ResultState, string> = {
  notice: '公示中',
  objected: '异议处理中',
  final: '已确定',
  reselecting: '重新遴选',
};

/**
 * A result's state: reopened by an upheld objection → re-selection; an objection not yet answered → in
 * treatment (final only once answered); otherwise in its period, or final after it.
 */
export function resultState(
  line: { reopened?: boolean | undefined; pendingObjections?: number | undefined },
  period: NoticePeriod,
  now: Date,
): ResultState {
  if (line.reopened) return 'reselecting';
  if ((line.pendingObjections ?? 0) > 0) return 'objected';
  return mayObject(period, now) ? 'notice' : 'final';
}

export const OBJECTION_DECISIONS = ['upheld', 'dismissed'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];
export const OBJECTION_STATUS_LABELS: Record<'pending' | ObjectionDecision, string> = {
  pending: '待答复',
  upheld: '异议成立',
  dismissed: '异议不成立',
};
