/**
 * Demo enterprises: six large issuers (发榜企业) in different authority regions and three SMEs (揭榜企业).
 * Credit codes are built, not typed: "9" (市场监管部门) + "1" (企业) + the region's division code + a nine-character
 * organisation code, then the GB 32100-2015 check character. Sizes come from the 300号 classification, and the
 * seed refuses to run when a figure no longer classifies the way the demo needs.
 */
import {
  authorityRegionOf,
  classify,
  creditCodeCheckChar,
  isValidCreditCode,
  type IndustryKey,
  type Org,
} from '@jiebang/shared';

/** A valid unified social credit code for an enterprise registered in `division`. */
export function demoCreditCode(division: string, organisationCode: string): string {
  const first17 = `91${division}${organisationCode}`;
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`seed: bad credit code body ${first17}`);
  const code = first17 + check;
  if (!isValidCreditCode(code)) throw new Error(`seed: credit code ${code} does not validate`);
  return code;
}

/** Stable ids (ULID-shaped, 26 Crockford characters) so that re-seeding finds what it wrote before. */
export const ORG_IDS = {
  huaxia: '01JB0ENTERPR1SE00000000001',
  yuegang: '01JB0ENTERPR1SE00000000002',
  changjiang: '01JB0ENTERPR1SE00000000003',
  ningboMarine: '01JB0ENTERPR1SE00000000004',
  yunzhi: '01JB0ENTERPR1SE00000000005',
  huadongPharma: '01JB0ENTERPR1SE00000000006',
  jingce: '01JB0ENTERPR1SE00000000101',
  xincai: '01JB0ENTERPR1SE00000000102',
  shuzhi: '01JB0ENTERPR1SE00000000103',
} as const;

interface OrgSpec {
  id: string;
  kind: 'large' | 'sme';
  name: string;
  division: string;
  organisationCode: string;
  industry: IndustryKey;
  employees: number;
  revenue: number;
  assets: number;
  qualifications?: Org['qualifications'];
  contact: Org['contact'];
}

const SPECS: OrgSpec[] = [
  {
    id: ORG_IDS.huaxia,
    kind: 'large',
    name: '华夏重工集团有限公司',
    division: '110105', // 北京市朝阳区
    organisationCode: 'MA01HX2G1',
    industry: 'industry',
    employees: 18600,
    revenue: 3_560_000,
    assets: 5_120_000,
    contact: { name: '刘振华', title: '科技创新部部长', phone: '010-65821234', email: 'kjcx@huaxia-heavy.example.cn' },
  },
  {
    id: ORG_IDS.yuegang,
    kind: 'large',
    name: '粤港新能源汽车股份有限公司',
    division: '440106', // 广州市天河区
    organisationCode: 'MA59YGXN8',
    industry: 'industry',
    employees: 9200,
    revenue: 1_280_000,
    assets: 1_650_000,
    contact: { name: '黄嘉伟', title: '研究院副院长', phone: '020-38861234', email: 'rd@ygnev.example.cn' },
  },
  {
    id: ORG_IDS.changjiang,
    kind: 'large',
    name: '长江集成电路制造有限公司',
    division: '420111', // 武汉市洪山区
    organisationCode: 'MA4KCJJC3',
    industry: 'industry',
    employees: 6400,
    revenue: 860_000,
    assets: 2_400_000,
    contact: { name: '吴晓东', title: '供应链发展部经理', phone: '027-87651234', email: 'supply@cjic.example.cn' },
  },
  {
    id: ORG_IDS.ningboMarine,
    kind: 'large',
    name: '宁波海工装备集团有限公司',
    division: '330203', // 宁波市海曙区
    organisationCode: 'MA2HHG2B6',
    industry: 'industry',
    employees: 4300,
    revenue: 520_000,
    assets: 780_000,
    contact: { name: '孙海峰', title: '技术中心主任', phone: '0574-87361234', email: 'tech@nbmarine.example.cn' },
  },
  {
    id: ORG_IDS.yunzhi,
    kind: 'large',
    name: '深圳云智工业软件集团有限公司',
    division: '440305', // 深圳市南山区
    organisationCode: 'MA5FY2GY9',
    industry: 'software_it',
    employees: 2100,
    revenue: 186_000,
    assets: 240_000,
    contact: { name: '郑若琳', title: '生态合作部总监', phone: '0755-86601234', email: 'eco@yunzhi.example.cn' },
  },
  {
    // Publishes only the anonymous demand, so that its name, code and contact appear nowhere public.
    id: ORG_IDS.huadongPharma,
    kind: 'large',
    name: '华东生物医药集团有限公司',
    division: '310115', // 上海市浦东新区
    organisationCode: 'MA1HDYY08',
    industry: 'industry',
    employees: 7800,
    revenue: 960_000,
    assets: 1_420_000,
    contact: { name: '顾文清', title: '药物研究院院长', phone: '021-58861234', email: 'rd@hdbiopharma.example.cn' },
  },
  {
    id: ORG_IDS.jingce,
    kind: 'sme',
    name: '深圳精测科技有限公司',
    division: '440305', // 深圳市南山区
    organisationCode: 'MA5GJCKJ2',
    industry: 'industry',
    employees: 180,
    revenue: 12_000,
    assets: 15_600,
    qualifications: ['little_giant', 'high_tech'],
    contact: { name: '李明哲', title: '总经理', phone: '13823451234', email: 'limz@jingce.example.cn' },
  },
  {
    id: ORG_IDS.xincai,
    kind: 'sme',
    name: '宁波新材智造科技有限公司',
    division: '330212', // 宁波市鄞州区
    organisationCode: 'MA2JXC227',
    industry: 'industry',
    employees: 420,
    revenue: 26_000,
    assets: 31_000,
    qualifications: ['provincial_specialized', 'high_tech'],
    contact: { name: '周晓燕', title: '董事长', phone: '13905741234', email: 'zhouxy@xincai.example.cn' },
  },
  {
    id: ORG_IDS.shuzhi,
    kind: 'sme',
    name: '成都数智软件有限公司',
    division: '510107', // 成都市武侯区
    organisationCode: 'MA6C52RJ4',
    industry: 'software_it',
    employees: 85,
    revenue: 3_200,
    assets: 2_800,
    qualifications: ['innovative_sme'],
    contact: { name: '杨帆', title: '技术总监', phone: '028-85231234', email: 'yangfan@shuzhi.example.cn' },
  },
];

/** The demo enterprises, classified and validated against the rules they will be judged by. */
export function demoOrgs(now: Date): Org[] {
  return SPECS.map((s) => {
    const authorityRegion = authorityRegionOf(s.division);
    if (!authorityRegion) throw new Error(`seed: ${s.name}: division ${s.division} has no authority region`);
    const result = classify(s.industry, { employees: s.employees, revenue: s.revenue, assets: s.assets });
    if (!result.ok) throw new Error(`seed: ${s.name}: cannot classify`);
    if (result.isSme !== (s.kind === 'sme')) {
      throw new Error(`seed: ${s.name} should be ${s.kind} but classifies as ${result.size} (${result.rule})`);
    }
    return {
      id: s.id,
      kind: s.kind,
      name: s.name,
      creditCode: demoCreditCode(s.division, s.organisationCode),
      region: s.division,
      industry: s.industry,
      employees: s.employees,
      revenue: s.revenue,
      assets: s.assets,
      ...(s.qualifications ? { qualifications: s.qualifications } : {}),
      contact: s.contact,
      authorityRegion,
      size: result.size,
      createdAt: now.toISOString(),
    };
  });
}
