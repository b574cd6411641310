/**
 * The campaign's deadlines as 221号 places them (issue 16), pure. Every deadline is an instant; a step is allowed
 * while now is strictly before it (as `isOpen`), so the second before passes and the deadline itself is late.
 */
import { ACCEPTANCE_OUTCOMES, type AcceptanceOutcome } from '../constants';
import type { Campaign } from '../schemas/campaign';
import { formatShanghai } from './deadline';
import { NOTICE_WORKING_DAYS } from './publicity';

/** True while `now` is strictly before `deadline`. */
export const before = (deadline: string, now: Date): boolean => now.getTime() < Date.parse(deadline);

/**
 * The last instant at which an issuer may submit through `channel`: directly to the ministry, the campaign's
 * intake deadline (the demand must reach the ministry by then); to the province, the province's own cut-off when
 * it set one, else the intake deadline (after it the province could no longer forward).
 */
export function submitCutoff(
  channel: 'province' | 'ministry',
  campaign: Pick<Campaign, 'demandIntakeDeadline'>,
  provinceCutoff: string | null,
): string {
  if (channel === 'ministry' || !provinceCutoff) return campaign.demandIntakeDeadline;
  return Date.parse(provinceCutoff) < Date.parse(campaign.demandIntakeDeadline)
    ? provinceCutoff
    : campaign.demandIntakeDeadline;
}

/**
 * Whether SMEs may submit applications now as far as the campaign's window goes (each demand's own deadline is
 * checked besides): `applicationOpensAt` null is 另行通知 (closed until the ministry sets it); absent is open.
 */
export function applicationWindowState(
  campaign: Pick<Campaign, 'applicationOpensAt'>,
  now: Date,
): 'open' | 'announced_later' | 'not_yet' {
  if (campaign.applicationOpensAt === undefined) return 'open';
  if (campaign.applicationOpensAt === null) return 'announced_later';
  return now.getTime() >= Date.parse(campaign.applicationOpensAt) ? 'open' : 'not_yet';
}

const LABELS: Record<string, string> = {
  title: '名称',
  demandIntakeDeadline: '需求征集截止时间',
  applicationOpensAt: '揭榜开始时间',
  applicationDeadline: '揭榜截止时间',
  selectionDeadline: '遴选截止时间',
};

const show = (v: string | null | undefined, key: string): string => {
  if (v === null) return '另行通知';
  if (v === undefined) return key === 'applicationOpensAt' ? '发布即开始' : '未设置';
  return key === 'title' ? v : formatShanghai(v);
};

/** What changed between two versions of a campaign, in Chinese, one line per field ("揭榜开始时间：另行通知 → …"). */
export function campaignChanges(before: Campaign, after: Omit<Campaign, 'createdAt' | 'year'>): string[] {
  const out: string[] = [];
  const fields = (c: object) => c as Record<string, string | null | undefined>;
  for (const key of Object.keys(LABELS)) {
    const a = fields(before)[key];
    const b = fields(after)[key];
    const same = a === b || (a != null && b != null && key !== 'title' && Date.parse(a) === Date.parse(b));
    if (!same) out.push(`${LABELS[key]}：${show(a, key)} → ${show(b, key)}`);
  }
  const periods = (c: Pick<Campaign, 'statisticsPeriods'>) =>
    (c.statisticsPeriods ?? []).map((p) => `${p.label} ${formatShanghai(p.deadline)}`).join('；');
  if (periods(before) !== periods(after))
    out.push(`统计报送期：${periods(before) || '无'} → ${periods(after) || '无'}`);
  // publicity (公示, issue 17)
  const notice = (c: Pick<Campaign, 'noticeWorkingDays'>) => `${c.noticeWorkingDays ?? NOTICE_WORKING_DAYS} 个工作日`;
  if (notice(before) !== notice(after)) out.push(`公示期：${notice(before)} → ${notice(after)}`);
  const holidays = (c: Pick<Campaign, 'holidays'>) => (c.holidays ?? []).join('、');
  if (holidays(before) !== holidays(after))
    out.push(`公示期不计的节假日：${holidays(before) || '无'} → ${holidays(after) || '无'}`);
  return out;
}

/**
 * How an acceptance ends, in the notice's words (进入供应商目录 / 继续深化合作 / 终止合作). Recorded acceptances carry
 * it; those recorded before it existed derive it: the supplier catalogue when so marked, otherwise continued
 * cooperation after a passed acceptance and an end after a failed one.
 */
export function acceptanceOutcomeOf(a: {
  result: 'passed' | 'failed';
  supplierCatalogue: boolean;
  outcome?: AcceptanceOutcome | undefined;
}): AcceptanceOutcome {
  if (a.outcome) return a.outcome;
  if (a.supplierCatalogue) return 'supplier_catalogue';
  return a.result === 'passed' ? 'deepen' : 'terminate';
}

/** The Chinese words of an acceptance's outcome. */
export const acceptanceOutcomeText = (a: Parameters<typeof acceptanceOutcomeOf>[0]): string =>
  ACCEPTANCE_OUTCOMES[acceptanceOutcomeOf(a)];
