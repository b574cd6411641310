/** Builders of valid domain objects for tests. Every call gives fresh ids; override what the test is about. */
import { creditCodeCheckChar, type ApplicationInput, type Demand, type DemandInput, type Org } from '@jiebang/shared';
import { ulid } from 'ulid';

let serial = 0;
const SERIAL_START = Date.now() % 1e9;

/** A valid credit code whose division part is `division`, unique per call. */
export function creditCode(division = '110105'): string {
  serial++;
  // Unique per process for 10⁹ codes (the catalogue bench alone makes 10,000 demands, each with an issuer code);
  // the start differs between runs, so codes rarely meet a table written by an earlier run.
  const org = String((SERIAL_START + serial) % 1e9).padStart(9, '0');
  const first17 = `91${division}${org}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A POST /v1/orgs body for a small SME in 深圳市南山区 (a fresh credit code each call); `over` replaces fields. */
export function orgBody(over: Record<string, unknown> = {}) {
  return {
    kind: 'sme',
    name: '深圳精测科技有限公司',
    creditCode: creditCode('440300'),
    region: '440305',
    industry: 'industry',
    employees: 120,
    revenue: 8000,
    contact: { name: '李经理', phone: '13800138000' },
    ...over,
  };
}

export function demandInput(over: Partial<DemandInput> = {}): DemandInput & { applicationDeadline: string } {
  return {
    title: '高精度五轴联动数控系统国产化攻关',
    field: 'machine_tools',
    demandType: 'innovation',
    background: '现有五轴数控系统依赖进口，交付周期长。',
    difficulties: '多轴插补与误差补偿算法；实时总线。',
    indicators: [
      { name: '定位精度', target: '≤ 3 μm' },
      { name: '插补周期', target: '≤ 0.5 ms' },
    ],
    outcomeForms: ['prototype', 'software'],
    cooperationModes: ['joint_research'],
    budget: { amount: 800, negotiable: false },
    expectedCompletion: '2027-12-31',
    applicationDeadline: '2027-03-31T17:00:00+08:00',
    anonymous: false,
    contact: { name: '王工', title: '技术部部长', phone: '010-88886666', email: 'wang@example.com' },
    ...over,
  };
}

/** The 需求表 without an application deadline: the demand then takes the campaign's (the issuer may only shorten it). */
export function demandForm(over: Partial<DemandInput> = {}): DemandInput {
  const { applicationDeadline: _d, ...form } = demandInput(over);
  return form;
}

export function demand(over: Partial<Demand> = {}): Demand {
  const now = '2026-11-01T02:00:00.000Z';
  return {
    ...demandInput(),
    id: ulid(),
    status: 'published',
    version: 1,
    issuerOrgId: ulid(),
    issuerName: '华夏重工集团有限公司',
    issuerCreditCode: creditCode('110105'),
    region: '110000',
    campaignYear: 2026,
    channel: 'province',
    weights: { team: 25, capability: 25, plan: 25, match: 25 },
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    publishedAt: now,
    ...over,
  };
}

export function org(over: Partial<Org> = {}): Org {
  return {
    id: ulid(),
    kind: 'sme',
    name: '深圳精测科技有限公司',
    creditCode: creditCode('440305'),
    region: '440305',
    authorityRegion: '440300',
    industry: 'industry',
    employees: 120,
    revenue: 8000,
    size: 'small',
    qualifications: ['innovative_sme'],
    contact: { name: '李经理', phone: '13800138000' },
    createdAt: '2026-11-01T02:00:00.000Z',
    ...over,
  };
}

/** A complete application form (揭榜申请书); `over` replaces fields. */
export function applicationInput(over: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    team: {
      leader: { name: '张工', title: '总工程师' },
      memberCount: 12,
      rndStaffCount: 9,
      keyMembers: [{ name: '李博士', title: '高级工程师', role: '算法' }],
    },
    capability: { rndSpendingRatio: 8.5, inventionPatents: 6, otherIp: '软件著作权 12 项' },
    plan: {
      route: '基于自主实时内核的五轴插补与误差补偿。',
      innovations: '自适应前瞻插补。',
      milestones: [
        { month: '2027-06', deliverable: '原理样机' },
        { month: '2027-12', deliverable: '工程样机' },
      ],
      expectedResults: '样机一台，发明专利 2 项。',
    },
    match: '团队长期从事数控系统研发，与需求指标一一对应。',
    budget: { amount: 300, note: '自筹 100 万元' },
    declaration: { notAffiliated: true },
    ...over,
  };
}
