/** The current campaign (年度工作) of the demo. Deadlines are instants in Beijing time. */
import type { Campaign } from '@jiebang/shared';

export const CAMPAIGN_YEAR = 2026;

export function demoCampaign(now: Date): Campaign {
  return {
    year: CAMPAIGN_YEAR,
    title: '2026年度大企业"发榜"中小企业"揭榜"工作',
    demandIntakeDeadline: '2027-03-31T17:00:00+08:00',
    applicationDeadline: '2027-06-30T17:00:00+08:00',
    selectionDeadline: '2027-09-30T17:00:00+08:00',
    createdAt: now.toISOString(),
  };
}
