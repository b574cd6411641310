/**
 * Demo of 科技成果赋智 (issue 15): a university, an institute and a service body with their users, profiles of
 * the demo SMEs, a dozen published achievements (and one awaiting review), and the matching terms of every
 * published demo demand — so that `npm start` shows the 成果库, 为你推荐 and 匹配的企业与成果 with data.
 * Idempotent: institutions and achievements are created when absent, a profile is written only on an
 * organisation that has none, postings and terms are the same items again.
 */
import {
  achievementSchema,
  authorityRegionOf,
  creditCodeCheckChar,
  orgSchema,
  type Achievement,
  type Demand,
  type FieldKey,
  type Org,
  type OrgProfileInput,
  type TransferMode,
} from '@jiebang/shared';
import type { Store } from '../../functions/src/store';
import { repositories } from '../../functions/src/store';
import { DynamoLibraryRepository } from '../../functions/src/store/dynamo-library';
import { DynamoMatchIndex, profilePostingItems } from '../../functions/src/store/dynamo-match-index';
import { demandMatching, keywordsForMatching } from '../../functions/src/matching/wiring';
import { profileWithTerms } from '../../functions/src/use-cases/orgs';
import { ORG_IDS } from './orgs';
import type { Patience } from './patience';

export const INSTITUTION_IDS = {
  scut: '01JB0INST1TUT10N0000000001',
  siat: '01JB0INST1TUT10N0000000002',
  nbTransfer: '01JB0INST1TUT10N0000000003',
} as const;

/** A valid code of a public institution (`12…`) or a social organisation (`52…`). */
function institutionCode(category: '12' | '52', division: string, body: string): string {
  const first17 = `${category}${division}${body}`;
  return first17 + creditCodeCheckChar(first17)!;
}

export function demoInstitutions(now: Date): Org[] {
  const make = (o: Omit<Org, 'authorityRegion' | 'createdAt'>): Org =>
    orgSchema.parse({ ...o, authorityRegion: authorityRegionOf(o.region)!, createdAt: now.toISOString() }) as Org;
  return [
    make({
      id: INSTITUTION_IDS.scut,
      kind: 'university',
      name: '华南理工大学',
      creditCode: institutionCode('12', '440000', '455410008'),
      region: '440106',
      industry: 'other',
      contact: {
        name: '陈振华',
        title: '科学技术研究院副院长',
        phone: '020-87110123',
        email: 'kjc@scut.example.edu.cn',
      },
      profile: {
        summary: '在高速电主轴、精密数控与伺服驱动、新能源汽车热管理方面有长期积累，拥有国家级工程研究中心。',
        products: '电主轴热误差补偿、五轴数控系统、CO₂ 热泵',
        techFields: ['machine_tools', 'new_energy_vehicles'],
        keywords: ['电主轴', '数控系统', '热误差补偿', '热泵'],
      },
    }),
    make({
      id: INSTITUTION_IDS.siat,
      kind: 'institute',
      name: '深圳先进制造技术研究院',
      creditCode: institutionCode('12', '440300', 'MB2C1207X'),
      region: '440305',
      industry: 'other',
      contact: { name: '林雪', title: '成果转化部主任', phone: '0755-86391234', email: 'zh@siat.example.cn' },
      profile: {
        summary: '聚焦集成电路检测装备、机器视觉与工业人工智能，提供晶圆缺陷检测与智能运维技术。',
        products: '晶圆缺陷光学检测、故障预测与健康管理',
        techFields: ['integrated_circuits', 'high_end_equipment'],
        keywords: ['晶圆', '缺陷检测', '机器视觉', '故障预测'],
      },
    }),
    make({
      id: INSTITUTION_IDS.nbTransfer,
      kind: 'service',
      name: '宁波市技术转移服务中心',
      creditCode: institutionCode('52', '330200', 'MJ9A0231P'),
      region: '330212',
      industry: 'other',
      contact: { name: '吴海', title: '技术经理人', phone: '0574-87001234' },
    }),
  ];
}

/** Users of the institutions (openids in DEMO_IDENTITIES). */
export const LIBRARY_USERS = [
  { openid: 'uni-admin', roles: ['org_admin'], orgId: INSTITUTION_IDS.scut },
  { openid: 'institute-admin', roles: ['org_admin'], orgId: INSTITUTION_IDS.siat },
  { openid: 'tech-manager', roles: ['org_member', 'tech_manager'], orgId: INSTITUTION_IDS.nbTransfer },
  // The university's own 技术经理人, whom its admin can attach to an interest it received.
  { openid: 'uni-tech-manager', roles: ['org_member', 'tech_manager'], orgId: INSTITUTION_IDS.scut },
];

/** Profiles of the demo SMEs (written only where an SME has none). */
const SME_PROFILES: Record<string, OrgProfileInput> = {
  [ORG_IDS.jingce]: {
    summary: '专注精密测量与电主轴动平衡检测，为数控机床提供主轴热变形、振动的在线监测与补偿方案。',
    products: '主轴动平衡仪、热变形在线补偿模块、激光干涉测量',
    techFields: ['machine_tools', 'high_end_equipment'],
    keywords: ['电主轴', '热变形', '在线补偿', '精密测量', '振动监测'],
  },
  [ORG_IDS.xincai]: {
    summary: '从事高强耐磨钢焊接材料、电子化学品纯化与固态电解质材料的研发生产。',
    products: '耐磨焊丝、高纯氢氟酸纯化装置、硫化物固态电解质',
    techFields: ['new_materials', 'new_energy_vehicles'],
    keywords: ['焊材', '耐磨钢', '高纯', '固态电解质', '纯化'],
  },
  [ORG_IDS.shuzhi]: {
    summary: '工业软件与数据库企业，提供工业设备时序数据存储、CAE 前后处理与软件适航验证工具。',
    products: '时序数据库、CAE 求解器插件、机载软件测试工具',
    techFields: ['industrial_software', 'next_gen_it'],
    keywords: ['时序数据库', 'CAE', '求解器', '适航', '工业软件'],
  },
};

interface AchievementSpec {
  n: number;
  owner: Org;
  title: string;
  field: FieldKey;
  summary: string;
  maturity: number;
  modes: TransferMode[];
  price?: number;
  status?: 'published' | 'submitted';
}

const SPECS = (scut: Org, siat: Org): AchievementSpec[] => [
  {
    n: 1,
    owner: scut,
    title: '高速电主轴热误差实时补偿技术',
    field: 'machine_tools',
    maturity: 7,
    modes: ['license', 'open_license'],
    summary: '基于温度场建模与神经网络的电主轴热误差实时补偿，主轴热漂移降低 70%，已在五轴加工中心验证。',
  },
  {
    n: 2,
    owner: scut,
    title: '五轴数控系统多轴插补与误差补偿算法',
    field: 'machine_tools',
    maturity: 6,
    modes: ['transfer', 'joint_development'],
    price: 300,
    summary: '纳米级插补与几何误差补偿算法，定位精度 ≤ 3 μm，可嵌入国产数控系统。',
  },
  {
    n: 3,
    owner: scut,
    title: '电动汽车 CO₂ 热泵电子膨胀阀控制策略',
    field: 'new_energy_vehicles',
    maturity: 6,
    modes: ['license'],
    summary: '跨临界 CO₂ 热泵系统的电子膨胀阀自适应控制，低温制热 COP 提升 18%。',
  },
  {
    n: 4,
    owner: scut,
    title: '硫化物固态电解质界面修饰技术',
    field: 'new_energy_vehicles',
    maturity: 4,
    modes: ['joint_development'],
    summary: '原子层沉积界面修饰抑制固态电池电极/电解质界面副反应，循环寿命提升一倍。',
  },
  {
    n: 5,
    owner: scut,
    title: '高强耐磨钢窄间隙焊接工艺及专用焊丝',
    field: 'new_materials',
    maturity: 7,
    modes: ['transfer', 'equity'],
    price: 150,
    summary: '面向 NM500 级耐磨钢的窄间隙焊接工艺与低氢焊丝，焊缝冲击功提升 30%。',
  },
  {
    n: 6,
    owner: scut,
    title: '重型龙门机床横梁热变形在线补偿',
    field: 'machine_tools',
    maturity: 8,
    modes: ['license', 'transfer'],
    price: 80,
    summary: '多点温度测量与有限元模型结合，在线补偿龙门机床横梁热变形，加工直线度提升 50%。',
  },
  {
    n: 7,
    owner: siat,
    title: '晶圆表面缺陷光学检测与深度学习分类',
    field: 'integrated_circuits',
    maturity: 6,
    modes: ['license', 'joint_development'],
    summary: '暗场散射光学检测结合深度学习缺陷分类，检出 40 nm 颗粒，分类准确率 96%。',
  },
  {
    n: 8,
    owner: siat,
    title: '矿山装备振动信号故障预测与健康管理平台',
    field: 'high_end_equipment',
    maturity: 7,
    modes: ['license'],
    price: 60,
    summary: '基于振动与油液数据的轴承、齿轮箱故障预测，提前 72 小时预警，误报率低于 5%。',
  },
  {
    n: 9,
    owner: siat,
    title: '电子级氢氟酸亚沸蒸馏纯化装置',
    field: 'new_materials',
    maturity: 5,
    modes: ['transfer'],
    price: 500,
    summary: '多级亚沸蒸馏与膜过滤联用，金属杂质降至 10 ppt 以下，满足 UP-SSS 级要求。',
  },
  {
    n: 10,
    owner: siat,
    title: '工业设备时序数据高压缩存储引擎',
    field: 'next_gen_it',
    maturity: 6,
    modes: ['open_license', 'license'],
    summary: '面向传感器数据的列式时序存储与压缩，写入百万点每秒，压缩比 10:1。',
  },
  {
    n: 11,
    owner: siat,
    title: '多物理场耦合有限元求解器并行内核',
    field: 'industrial_software',
    maturity: 5,
    modes: ['joint_development'],
    summary: '热-结构-流体耦合有限元求解器的并行内核，千万自由度问题求解时间缩短 60%。',
  },
  {
    n: 12,
    owner: siat,
    title: '海上风电桩腿升降电液伺服控制技术',
    field: 'power_equipment',
    maturity: 6,
    modes: ['license', 'joint_development'],
    summary: '安装船桩腿同步升降的电液伺服控制，四腿同步误差 ≤ 2 mm。',
  },
  {
    n: 13,
    owner: scut,
    title: '抗体连续流纯化在线质量监测方法',
    field: 'biomedicine',
    maturity: 4,
    modes: ['joint_development'],
    status: 'submitted',
    summary: '拉曼光谱在线监测抗体连续流纯化的关键质量属性，待主管部门审核。',
  },
];

export function demoAchievements(now: Date, institutions: Org[]): Achievement[] {
  const [scut, siat] = institutions as [Org, Org];
  return SPECS(scut, siat).map((s) => {
    const at = new Date(now.getTime() - (20 - s.n) * 86_400_000).toISOString();
    const status = s.status ?? 'published';
    const a: Achievement = {
      id: `01JB0ACH1EVEMENT00000000${String(s.n).padStart(2, '0')}`,
      title: s.title,
      field: s.field,
      summary: s.summary,
      maturity: s.maturity,
      ip: [{ kind: 'invention_patent', number: `ZL2023100${String(s.n).padStart(5, '0')}.X` }],
      transferModes: s.modes,
      ...(s.modes.includes('open_license')
        ? { openLicenseTerms: '非独占许可，许可费 5 万元/年，期限 3 年，可续期' }
        : {}),
      price: s.price === undefined ? { negotiable: true } : { amount: s.price, negotiable: false },
      contact: s.owner.contact,
      ownerOrgId: s.owner.id,
      ownerName: s.owner.name,
      ownerKind: s.owner.kind,
      region: s.owner.region,
      authorityRegion: s.owner.authorityRegion,
      status,
      version: 3,
      terms: keywordsForMatching([s.title, s.title, s.summary].join('\n')),
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      ...(status === 'published' ? { publishedAt: at } : {}),
    };
    return achievementSchema.parse(a) as Achievement;
  });
}

export interface LibrarySeedReport {
  institutions: number;
  achievements: number;
  profiles: number;
  demandTerms: number;
}

export async function seedLibrary(store: Store, demands: Demand[], now: Date, p: Patience): Promise<LibrarySeedReport> {
  const repos = repositories(store);
  const library = new DynamoLibraryRepository(store);
  const institutions = demoInstitutions(now).map((o) =>
    o.profile ? { ...o, profile: profileWithTerms(o.profile, keywordsForMatching) } : o,
  );
  const report: LibrarySeedReport = { institutions: 0, achievements: 0, profiles: 0, demandTerms: 0 };
  for (const o of institutions) {
    if (await p.step(`institution ${o.name}`, () => repos.orgs.create(o))) {
      report.institutions++;
      // The profile's postings, as a profile update writes them.
      await p.step(`institution ${o.name} postings`, async () =>
        repos.orgs.update(o, 0, audit(o, now), profilePostingItems(store.table, { ...o, profile: undefined }, o)),
      );
    }
  }
  for (const [id, input] of Object.entries(SME_PROFILES)) {
    const org = await repos.orgs.get(id);
    if (!org || org.profile) continue;
    const next: Org = {
      ...org,
      profile: profileWithTerms(input, keywordsForMatching),
      version: (org.version ?? 0) + 1,
    };
    if (
      (await p.step(`profile ${org.name}`, () =>
        repos.orgs.update(next, org.version ?? 0, audit(org, now), profilePostingItems(store.table, org, next)),
      )) === 'ok'
    )
      report.profiles++;
  }
  for (const a of demoAchievements(now, institutions)) {
    if (await p.step(`achievement ${a.id}`, () => library.createIfAbsent(a))) report.achievements++;
  }
  const write = demandMatching(store);
  const index = new DynamoMatchIndex(store);
  await p.each(
    (d) => `demand terms ${d.id}`,
    demands.filter((x) => x.status === 'published'),
    async (d) => {
      // Written once: a demo demand's text does not change between seeds.
      if (await index.demandTerms(d.id)) return;
      await write(d);
      report.demandTerms++;
    },
  );
  return report;
}

const audit = (o: Org, now: Date) => ({
  objectType: 'org' as const,
  objectId: o.id,
  action: 'seed_profile',
  actor: { userId: 'seed', role: 'system' },
  at: now.toISOString(),
});
