/** The current campaign (年度工作) of the demo. Deadlines are instants in Beijing time. */
import type { Campaign } from '@jiebang/shared';

export const CAMPAIGN_YEAR = 2026;

export function demoCampaign(now: Date): Campaign {
  return {
    year: CAMPAIGN_YEAR,
    // The notice's own quotation marks (221号: 大企业“发榜”中小企业“揭榜”).
    title: '2026年度大企业“发榜”中小企业“揭榜”工作',
    demandIntakeDeadline: '2027-03-31T17:00:00+08:00',
    applicationDeadline: '2027-06-30T17:00:00+08:00',
    selectionDeadline: '2027-09-30T17:00:00+08:00',
    // The 附件6 reporting dates of the year (seed 000 gives 07-10 and 01-10 for the 2024 round).
    statisticsPeriods: [
      { key: '2026H1', label: '2026年上半年', deadline: '2026-07-10T17:00:00+08:00' },
      { key: '2026Y', label: '2026年全年', deadline: '2027-01-10T17:00:00+08:00' },
    ],
    createdAt: now.toISOString(),
  };
}

// 221号 to the letter (issue 16): 华夏重工 was contacted by 装备工业一司, so its direct submissions are allowed.
export const DEMO_DIRECT_CONTACTS = [{ department: 'equipment_1', orgKey: 'huaxia' }] as const;
