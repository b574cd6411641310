/**
 * Demo history for the statistics dashboards: thirty demands of the past ten months across the demo issuers
 * (six authority regions) and fields, decided (selected, 流榜, in cooperation, completed) or in evaluation, with
 * applications of the demo SMEs selected, accepted or not — written through the repositories, so the counters
 * move in the same transactions as in the API and `npm run stats:rebuild` finds no drift. The 统计表 periods'
 * deadlines (campaign data) are seeded too.
 *
 * Fixed ids: re-seeding finds them and changes nothing. Texts are short (their search postings are written at
 * seed time).
 */
import { FIELD_KEYS, FIELDS, statsPeriod, type Demand, type Org } from '@jiebang/shared';
import type { Repositories } from '../../functions/src/store';
import type { ApplicationRecord } from '../../functions/src/store/dynamo-applications';
import { DynamoStatsRepository } from '../../functions/src/store/dynamo-stats';
import type { Store } from '../../functions/src/store/client';
import { TransactionRefused } from '../../functions/src/store/transact';
import { applicationParties } from '@jiebang/shared';
import { CAMPAIGN_YEAR } from './campaign';
import { BODIES } from './evaluation';
import { ORG_IDS } from './orgs';
import { daysAgo } from './time';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const historyDemandId = (i: number) => `01JB0H1ST0RY0000000D${pad(i, 6)}`;
const historyApplicationId = (i: number, k: number) => `01JB0H1ST0RY00000A${pad(i, 4)}${pad(k, 4)}`;

const ISSUERS = ['huaxia', 'yuegang', 'changjiang', 'ningboMarine', 'yunzhi', 'huadongPharma'] as const;
const SMES = ['jingce', 'xincai', 'shuzhi'] as const;
const FATES = ['completed', 'selected', 'no_selection', 'in_cooperation', 'completed', 'evaluating'] as const;
const HISTORY = 30;

interface History {
  demands: Demand[];
  applications: ApplicationRecord[];
}

/** The history as records (pure): demands and their applications. */
export function historyData(orgs: readonly Org[], template: Demand, now: Date): History {
  const demands: Demand[] = [];
  const applications: ApplicationRecord[] = [];
  const orgOf = (k: keyof typeof ORG_IDS) => orgs.find((o) => o.id === ORG_IDS[k])!;
  for (let i = 0; i < HISTORY; i++) {
    const issuer = orgOf(ISSUERS[i % ISSUERS.length]!);
    const field = FIELD_KEYS[(i * 5) % FIELD_KEYS.length]!;
    const monthsAgo = 1 + (i % 10);
    const published = 30 * monthsAgo + (i % 7);
    const fate = FATES[i % FATES.length]!;
    const decided = fate === 'evaluating' ? undefined : daysAgo(now, published - 32, 15);
    const d: Demand = {
      ...template,
      id: historyDemandId(i),
      title: `${FIELDS[field]}关键配套技术攻关（往期 ${i + 1}）`,
      field,
      background: `${issuer.name}往期发布的${FIELDS[field]}领域需求。`,
      difficulties: '关键部件国产化与工程化验证。',
      indicators: [{ name: '国产化率', target: '≥ 90%' }],
      anonymous: false,
      status: fate,
      version: 3,
      issuerOrgId: issuer.id,
      issuerName: issuer.name,
      issuerCreditCode: issuer.creditCode,
      region: issuer.authorityRegion,
      campaignYear: CAMPAIGN_YEAR,
      channel: 'province',
      createdAt: daysAgo(now, published + 14, 9),
      updatedAt: decided ?? daysAgo(now, published - 25, 18),
      submittedAt: daysAgo(now, published + 10, 11),
      publishedAt: daysAgo(now, published, 10),
      applicationDeadline: daysAgo(now, published - 25, 17),
      ...(decided ? { decidedAt: decided } : {}),
      ...(fate === 'selected' || fate === 'in_cooperation' ? { acceptancePending: 1 } : {}),
      ...(fate === 'completed' ? { acceptancePending: 0 } : {}),
    };
    demands.push(d);
    // 1–3 applicants of the demo SMEs; the first is selected when the demand selected anyone.
    const applicants = 1 + (i % 3);
    for (let k = 0; k < applicants; k++) {
      const sme = SMES[(i + k) % SMES.length]!;
      const org = orgOf(sme);
      const submittedAt = daysAgo(now, published - 6 - k, 14);
      const chosen = k === 0 && fate !== 'no_selection' && fate !== 'evaluating';
      const status: ApplicationRecord['status'] =
        fate === 'evaluating'
          ? 'released'
          : !chosen
            ? 'not_selected'
            : fate === 'completed'
              ? i % 4 === 0
                ? 'acceptance_failed'
                : 'accepted'
              : 'selected';
      const recordedAt = daysAgo(now, Math.max(1, published - 60), 16);
      applications.push({
        ...BODIES[sme === 'shuzhi' ? 'xincai' : sme],
        attachments: [],
        id: historyApplicationId(i, k),
        ...applicationParties(d, org),
        status,
        version: 4,
        createdAt: daysAgo(now, published - 3, 9),
        updatedAt: decided ?? submittedAt,
        submittedAt,
        forwardedAt: daysAgo(now, published - 12, 10),
        releasedAt: daysAgo(now, published - 26, 10),
        ...(decided ? { decidedAt: decided } : {}),
        ...(status === 'accepted' || status === 'acceptance_failed'
          ? {
              acceptance: {
                result: status === 'accepted' ? 'passed' : 'failed',
                supplierCatalogue: status === 'accepted',
                comment: status === 'accepted' ? '各项指标达到要求' : '关键指标未达到',
                recordedAt,
              },
            }
          : {}),
      } as ApplicationRecord);
    }
  }
  return { demands, applications };
}

/** Write the history and the 统计表 periods; the number of records written (0 when they exist already). */
export async function seedStatsHistory(
  store: Store,
  repos: Repositories,
  orgs: readonly Org[],
  template: Demand,
  now: Date,
): Promise<number> {
  const h = historyData(orgs, template, now);
  let written = 0;
  // Four at a time, as the seed's other steps: DynamoDB Local answers a few concurrent writers best.
  const inFours = async <T>(items: T[], write: (item: T) => Promise<void>) => {
    for (let i = 0; i < items.length; i += 4) await Promise.all(items.slice(i, i + 4).map(write));
  };
  await inFours(h.demands, async (d) => {
    if (await repos.demands.createIfAbsent(d)) written++;
  });
  await inFours(h.applications, async (a) => {
    if (await repos.applications.get(a.id)) return;
    try {
      await repos.applications.create(a, {
        audit: {
          objectType: 'application',
          objectId: a.id,
          action: 'seed',
          toStatus: a.status,
          actor: { userId: 'seed', role: 'system' },
          at: a.updatedAt,
        },
        notifications: [],
      });
      written++;
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
    }
  });
  const stats = new DynamoStatsRepository(store);
  for (const period of [`${CAMPAIGN_YEAR}H1`, `${CAMPAIGN_YEAR}Y`])
    await stats.setPeriodDeadlineIfAbsent(period, statsPeriod(period).defaultDeadline);
  return written;
}
