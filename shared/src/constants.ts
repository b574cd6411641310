/**
 * Enumerations of the programme with their Chinese labels. Keys are the API values (api.md); labels are what
 * users read. One place, used by schemas, server messages and the client.
 */

/** The keys of a label table, as the non-empty tuple `z.enum` takes. */
export const keysOf = <T extends Record<string, string>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

export const FIELDS = {
  machine_tools: '工业母机',
  new_energy_vehicles: '新能源汽车',
  integrated_circuits: '集成电路',
  industrial_software: '工业软件',
  new_materials: '新材料',
  high_end_equipment: '高端装备',
  biomedicine: '生物医药',
  next_gen_it: '新一代信息技术',
  aerospace: '航空航天',
  shipbuilding_marine: '船舶与海洋工程',
  power_equipment: '电力装备',
  agricultural_machinery: '农机装备',
  energy_saving: '节能环保',
  other: '其他',
} as const;
export type FieldKey = keyof typeof FIELDS;
export const FIELD_KEYS = keysOf(FIELDS);

export const DEMAND_TYPES = { innovation: '技术创新需求', supporting: '配套需求' } as const;
export const DEMAND_TYPE_KEYS = keysOf(DEMAND_TYPES);

export const OUTCOME_FORMS = {
  prototype: '样机',
  process: '工艺',
  software: '软件',
  patent: '专利',
  standard: '标准',
  material: '材料',
  other: '其他',
} as const;
export const OUTCOME_FORM_KEYS = keysOf(OUTCOME_FORMS);

export const COOPERATION_MODES = {
  development: '技术开发',
  joint_research: '联合攻关',
  transfer: '技术转让',
  license: '技术许可',
  procurement: '采购配套',
  other: '其他',
} as const;
export const COOPERATION_MODE_KEYS = keysOf(COOPERATION_MODES);

export const DEMAND_STATUSES = {
  draft: '草稿',
  // Not 待初核: a direct submission goes to 工业和信息化部 without a province's 初核 (issue 16).
  submitted: '待审核',
  returned: '已退回',
  forwarded: '待工业和信息化部审核',
  published: '已发布',
  rejected: '未通过',
  evaluating: '评审中',
  selected: '已遴选',
  no_selection: '流榜',
  in_cooperation: '合作中',
  completed: '已验收',
  withdrawn: '已撤回',
} as const;
export type DemandStatus = keyof typeof DEMAND_STATUSES;
export const DEMAND_STATUS_KEYS = keysOf(DEMAND_STATUSES);

/** Industries of the 300号 classification table (api.md keys). */
export const INDUSTRIES = {
  agriculture: '农、林、牧、渔业',
  industry: '工业',
  construction: '建筑业',
  wholesale: '批发业',
  retail: '零售业',
  transport: '交通运输业',
  warehousing: '仓储业',
  postal: '邮政业',
  accommodation: '住宿业',
  catering: '餐饮业',
  information_transmission: '信息传输业',
  software_it: '软件和信息技术服务业',
  real_estate: '房地产开发经营',
  property_management: '物业管理',
  leasing_business: '租赁和商务服务业',
  other: '其他未列明行业',
} as const;
export type IndustryKey = keyof typeof INDUSTRIES;
export const INDUSTRY_KEYS = keysOf(INDUSTRIES);

export const QUALIFICATIONS = {
  little_giant: '国家级专精特新“小巨人”企业',
  provincial_specialized: '省级专精特新中小企业',
  innovative_sme: '创新型中小企业',
  high_tech: '高新技术企业',
} as const;
export const QUALIFICATION_KEYS = keysOf(QUALIFICATIONS);

/** Time zone in which every deadline of the programme is stated. */
export const PROGRAMME_TZ = 'Asia/Shanghai';

// 221号 to the letter (issue 16): the ministry's departments, acceptance outcomes.

/**
 * The ministry's departments (工业和信息化部相关司局) that contact large enterprises for the direct channel
 * (221号 二（一）"二是"). Keys are the `department:<key>` role and the value recorded on a demand.
 */
export const DEPARTMENTS = {
  planning: '规划司',
  equipment_1: '装备工业一司',
  equipment_2: '装备工业二司',
  raw_materials: '原材料工业司',
  consumer_goods: '消费品工业司',
  electronics: '电子信息司',
  high_tech: '高新技术司',
  software: '信息技术发展司',
  energy_saving: '节能与综合利用司',
} as const;
export type DepartmentKey = keyof typeof DEPARTMENTS;
export const DEPARTMENT_KEYS = keysOf(DEPARTMENTS);

/** How an acceptance ends, in the notice's own words (221号 二（三）). */
export const ACCEPTANCE_OUTCOMES = {
  supplier_catalogue: '进入供应商目录',
  deepen: '继续深化合作',
  terminate: '终止合作',
} as const;
export type AcceptanceOutcome = keyof typeof ACCEPTANCE_OUTCOMES;
export const ACCEPTANCE_OUTCOME_KEYS = keysOf(ACCEPTANCE_OUTCOMES);
// ---- 百场万企 matchmaking events (area: events) ----

/** Event types (programmes.md §1; seed 000 附件1–4, seed 004). */
export const EVENT_TYPES = {
  chain: '产业链专场',
  provincial: '全国性专场',
  soe: '走进央企',
  private: '民营企业专场',
  fair: '展会专场',
  patent: '专利转化专场',
  local: '地方专场',
  achievement: '科技成果赋智',
} as const;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_KEYS = keysOf(EVENT_TYPES);

export const EVENT_STATUSES = { draft: '草稿', published: '报名中', cancelled: '已取消', closed: '已结束' } as const;
export type EventStatus = keyof typeof EVENT_STATUSES;

export const REGISTRATION_ROLES = { host: '发布需求（大企业）', participant: '参会对接' } as const;
export type RegistrationRole = keyof typeof REGISTRATION_ROLES;

export const REGISTRATION_STATUSES = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;
export type RegistrationStatus = keyof typeof REGISTRATION_STATUSES;

export const MEETING_STATUSES = { requested: '待确认', accepted: '已接受', declined: '已婉拒' } as const;
export type MeetingStatus = keyof typeof MEETING_STATUSES;

export const EVENT_OUTCOME_KINDS = { intention: '合作意向', agreement: '合作协议', contract: '签约合同' } as const;
export type EventOutcomeKind = keyof typeof EVENT_OUTCOME_KINDS;
export const EVENT_OUTCOME_KIND_KEYS = keysOf(EVENT_OUTCOME_KINDS);

// --- 科技成果赋智 (library area, issue 15) ---

/** Kinds of organisation: enterprises (classified by the 300号 table) and institutions (not classified). */
export const ORG_KIND_LABELS = {
  large: '大型企业',
  sme: '中小企业',
  university: '高校',
  institute: '科研院所',
  service: '服务机构',
} as const;
export type OrgKind = keyof typeof ORG_KIND_LABELS;
export const INSTITUTION_KINDS = ['university', 'institute', 'service'] as const;
export const isInstitutionKind = (k: string): k is (typeof INSTITUTION_KINDS)[number] =>
  (INSTITUTION_KINDS as readonly string[]).includes(k);

/**
 * Tracks of a demand (library area, SME 发榜): 221号's large enterprises' demands, answered by SMEs, and the
 * SMEs' own technical needs (seed 004), answered by universities and institutes. Same form, review and catalogue.
 */
export const DEMAND_TRACKS = { large: '大企业发榜', sme: '中小企业发榜' } as const;
export type DemandTrack = keyof typeof DEMAND_TRACKS;
export const DEMAND_TRACK_KEYS = keysOf(DEMAND_TRACKS);
/** The printed 需求表 of a demand: 221号's 附件1 for a large enterprise's; an SME's own demand has no form there. */
export const demandFormTitle = (track: DemandTrack | undefined): string =>
  track === 'sme' ? '中小企业技术需求表' : '大企业技术创新需求表';
/** Who may apply to an sme-track demand: universities and institutes (no 300号 check on them). */
export const SME_TRACK_APPLICANT_KINDS = ['university', 'institute'] as const;

/** 技术成熟度 (GB/T 22900-2022), levels 1–9. */
export const TRL_LABELS: Record<number, string> = {
  1: '1 级 基本原理清晰',
  2: '2 级 技术概念和应用设想明确',
  3: '3 级 关键功能通过验证',
  4: '4 级 实验室环境中验证',
  5: '5 级 相关环境中验证',
  6: '6 级 相关环境中系统演示',
  7: '7 级 实际环境中系统演示',
  8: '8 级 定型试验通过',
  9: '9 级 实际应用成功',
};

export const IP_KINDS = {
  invention_patent: '发明专利',
  utility_model: '实用新型',
  software_copyright: '软件著作权',
  trade_secret: '技术秘密',
} as const;
export const IP_KIND_KEYS = keysOf(IP_KINDS);

export const TRANSFER_MODES = {
  transfer: '转让',
  license: '许可',
  open_license: '开放许可',
  equity: '作价入股',
  joint_development: '合作开发',
} as const;
export type TransferMode = keyof typeof TRANSFER_MODES;
export const TRANSFER_MODE_KEYS = keysOf(TRANSFER_MODES);

export const ACHIEVEMENT_STATUSES = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  published: '已发布',
} as const;
export type AchievementStatus = keyof typeof ACHIEVEMENT_STATUSES;
export const ACHIEVEMENT_STATUS_KEYS = keysOf(ACHIEVEMENT_STATUSES);

export const INTEREST_STATUSES = {
  pending: '待回复',
  declined: '已婉拒',
  talking: '洽谈中',
  signed: '已签约',
  closed: '已终止',
} as const;
export type InterestStatus = keyof typeof INTEREST_STATUSES;
export const INTEREST_STATUS_KEYS = keysOf(INTEREST_STATUSES);
