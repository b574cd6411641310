/**
 * Demo applications for 遴选: 深圳精测 (sme-admin) and 宁波新材 (sme-admin-2) applied to 华夏重工's closed demand
 * (SEED_DEMANDS.evaluating); both passed their authorities' pre-review and were released to the issuer. So after
 * `npm start`, `issuer-reviewer` can score them and `issuer-admin` can rank and select.
 *
 * Written as the API writes them: created as forwarded, then released in a transaction with the applicant marker
 * and the issuer's evaluation entry. Fixed ids: re-seeding finds them and changes nothing; a seed interrupted
 * between the two writes (or whose answer timed out) finds the forwarded one and releases it.
 */
import type { ApplicationRecord } from '../../functions/src/store/dynamo-applications';
import type { Repositories } from '../../functions/src/store';
import { TransactionRefused } from '../../functions/src/store/transact';
import { applicationParties, type Demand, type Org } from '@jiebang/shared';
import { SEED_DEMANDS } from './demands';
import { ORG_IDS } from './orgs';
import { daysAgo } from './time';
import type { Patience } from './patience';

export const SEED_APPLICATIONS = {
  jingce: '01JB0APPL1CAT10N0000000001',
  xincai: '01JB0APPL1CAT10N0000000002',
} as const;

type Body = Pick<ApplicationRecord, 'team' | 'capability' | 'plan' | 'match' | 'budget' | 'declaration'>;

export const BODIES: Record<keyof typeof SEED_APPLICATIONS, Body> = {
  jingce: {
    team: {
      leader: { name: '陈立新', title: '总工程师' },
      memberCount: 46,
      rndStaffCount: 28,
      keyMembers: [
        { name: '周敏', title: '高级工程师', role: '温度场建模' },
        { name: '何亮', title: '工程师', role: '数控系统接口' },
      ],
    },
    capability: { rndSpendingRatio: 9.6, inventionPatents: 14, otherIp: '软件著作权 21 项；省级专精特新中小企业' },
    plan: {
      route:
        '横梁布设 24 点光纤光栅温度传感，结合激光跟踪仪标定，建立热变形—温度场映射模型，经 PLC 外部零点偏移实时补偿。',
      innovations: '多工况迁移学习的热误差模型，换季无需重新标定。',
      milestones: [
        { month: '2027-03', deliverable: '测量系统安装与标定' },
        { month: '2027-08', deliverable: '补偿模型与样机联调' },
        { month: '2027-12', deliverable: '72 小时连续运行验证' },
      ],
      expectedResults: '补偿系统样机一套，发明专利 2 项，验证报告。',
    },
    match: '已为 3 家机床厂提供热误差补偿方案，指标与本需求一一对应。',
    budget: { amount: 520, note: '自筹 150 万元' },
    declaration: { notAffiliated: true },
  },
  xincai: {
    team: {
      leader: { name: '王海燕', title: '技术总监' },
      memberCount: 32,
      rndStaffCount: 15,
      keyMembers: [{ name: '刘洋', title: '高级工程师', role: '结构仿真' }],
    },
    capability: { rndSpendingRatio: 7.2, inventionPatents: 6, otherIp: '低膨胀复合材料相关实用新型 9 项' },
    plan: {
      route: '以低膨胀复合材料横梁护罩降低温度敏感度，辅以 8 点温度监测与查表补偿。',
      innovations: '材料与补偿结合，降低对传感器数量的依赖。',
      milestones: [
        { month: '2027-05', deliverable: '护罩样件' },
        { month: '2027-12', deliverable: '整机验证' },
      ],
      expectedResults: '护罩样件与补偿表，实用新型 2 项。',
    },
    match: '材料方案成熟，补偿算法需与集团联合开发。',
    budget: { amount: 380, note: '自筹 80 万元' },
    declaration: { notAffiliated: true },
  },
};

/** Write the two released applications; the number written (0 when they exist already). */
export async function seedEvaluation(
  repos: Repositories,
  orgs: readonly Org[],
  demands: readonly Demand[],
  now: Date,
  p: Pick<Patience, 'step'> = { step: (_what, run) => run() },
): Promise<number> {
  const demand = demands.find((d) => d.id === SEED_DEMANDS.evaluating);
  if (!demand) throw new Error('seed: the evaluation demand is missing');
  let written = 0;
  for (const [k, id] of Object.entries(SEED_APPLICATIONS) as [keyof typeof SEED_APPLICATIONS, string][]) {
    const org = orgs.find((o) => o.id === ORG_IDS[k]);
    if (!org) throw new Error(`seed: enterprise ${k} is missing`);
    const submitted = daysAgo(now, 10, 11);
    const forwarded: ApplicationRecord = {
      ...BODIES[k],
      attachments: [],
      id,
      ...applicationParties(demand, org),
      status: 'forwarded',
      version: 1,
      createdAt: daysAgo(now, 12, 9),
      updatedAt: daysAgo(now, 6, 16),
      submittedAt: submitted,
      forwardedAt: daysAgo(now, 6, 16),
    };
    const authority = { userId: `seed:province-${org.authorityRegion}`, role: `province:${org.authorityRegion}` };
    // Each step reads first, so running it again after a lost answer does the rest and nothing twice.
    const released = await p.step(`application ${id}`, async () => {
      let current = await repos.applications.get(id);
      if (!current) {
        try {
          await repos.applications.create(forwarded, {
            audit: {
              objectType: 'application',
              objectId: id,
              action: 'forward',
              toStatus: 'forwarded',
              actor: authority,
              at: forwarded.forwardedAt!,
            },
            notifications: [],
          });
        } catch (err) {
          if (!(err instanceof TransactionRefused)) throw err;
        }
        current = (await repos.applications.get(id)) ?? forwarded;
      }
      if (current.status !== 'forwarded') return false; // released before (or moved on since)
      const releasedAt = daysAgo(now, 1, 10);
      try {
        await repos.applications.write(
          { ...current, status: 'released', version: current.version + 1, releasedAt, updatedAt: releasedAt },
          current,
          {
            audit: {
              objectType: 'application',
              objectId: id,
              action: 'release',
              fromStatus: 'forwarded',
              toStatus: 'released',
              actor: { userId: 'seed:ministry', role: 'ministry' },
              at: releasedAt,
            },
            notifications: [],
          },
          [repos.applications.applicantMarkerPut(demand.id, org.id, id, submitted)],
        );
      } catch (err) {
        // Released by an earlier attempt whose answer was lost: the version no longer matches.
        if (err instanceof TransactionRefused && (await repos.applications.get(id))?.status === 'released')
          return false;
        throw err;
      }
      return true;
    });
    if (!released) continue;
    written++;
  }
  return written;
}
