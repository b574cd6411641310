import type { TextFieldSpec } from '../../../../components/form';
import type { SubCardList } from './cards';
import { normaliseMonth, type ApplyForm, type KeyMember, type Milestone } from '../../lib/apply-form';

export const digitsOnly = (v: string) => v.replace(/\D/g, '');
export const decimal = (v: string) => v.replace(/[^\d.]/g, '');

export type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;
type Fields<T> = readonly TextFieldSpec<TextKey<T>>[];

/** The text fields of the 揭榜申请书, card by card; `path` is where the schema reports each one's error. */
export const LEADER_FIELDS: Fields<ApplyForm> = [
  {
    key: 'leaderName',
    path: 'team.leader.name',
    label: '姓名',
    required: true,
    className: 'apply-leader-name',
    maxlength: 20,
  },
  {
    key: 'leaderTitle',
    path: 'team.leader.title',
    label: '职务/职称',
    required: true,
    className: 'apply-leader-title',
    maxlength: 30,
    placeholder: '如 研发总监 / 高级工程师',
  },
];

const count = { required: true, type: 'number', maxlength: 6, suffix: '人', parse: digitsOnly } as const;
export const TEAM_SIZE_FIELDS: Fields<ApplyForm> = [
  { ...count, key: 'memberCount', path: 'team.memberCount', label: '团队人数', className: 'apply-member-count' },
  { ...count, key: 'rndStaffCount', path: 'team.rndStaffCount', label: '其中研发人员', className: 'apply-rnd-count' },
];

export const KEY_MEMBERS: SubCardList<KeyMember> = {
  name: '骨干成员',
  desc: '列出参与攻关的核心技术人员，选填。',
  path: 'team.keyMembers',
  className: 'apply-key-member',
  addClassName: 'apply-add-member',
  min: 0,
  max: 20,
  blank: { name: '', title: '', role: '' },
  fields: [
    { key: 'name', path: 'name', label: '姓名', required: true, className: 'apply-key-member__name', maxlength: 20 },
    { key: 'title', path: 'title', label: '职称', required: true, className: 'apply-key-member__title', maxlength: 30 },
    {
      key: 'role',
      path: 'role',
      label: '分工',
      required: true,
      className: 'apply-key-member__role',
      maxlength: 50,
      placeholder: '如 算法设计',
    },
  ],
};

const optionalText = { area: true, maxlength: 2000 } as const;
export const CAPABILITY_FIELDS: Fields<ApplyForm> = [
  {
    key: 'rndSpendingRatio',
    path: 'capability.rndSpendingRatio',
    label: '研发投入占营业收入比例',
    required: true,
    hint: '上一年度，0–100',
    className: 'apply-rnd-ratio',
    type: 'digit',
    maxlength: 6,
    suffix: '%',
    parse: decimal,
  },
  {
    key: 'inventionPatents',
    path: 'capability.inventionPatents',
    label: '有效发明专利',
    required: true,
    className: 'apply-patents',
    type: 'number',
    maxlength: 7,
    suffix: '件',
    parse: digitsOnly,
  },
  {
    ...optionalText,
    key: 'otherIp',
    path: 'capability.otherIp',
    label: '其他知识产权（选填）',
    className: 'apply-other-ip',
    placeholder: '实用新型、软件著作权、标准等',
  },
  {
    ...optionalText,
    key: 'platforms',
    path: 'capability.platforms',
    label: '研发平台/实验室（选填）',
    className: 'apply-platforms',
    placeholder: '如 省级企业技术中心、重点实验室',
  },
  {
    ...optionalText,
    key: 'pastProjects',
    path: 'capability.pastProjects',
    label: '相关项目经历（选填）',
    className: 'apply-past-projects',
    placeholder: '与本需求相关的已完成项目',
  },
];

export const PLAN_FIELDS: Fields<ApplyForm> = [
  {
    key: 'route',
    path: 'plan.route',
    label: '技术路线',
    required: true,
    className: 'apply-route',
    area: true,
    maxlength: 5000,
    placeholder: '拟采用的技术路线和实施方法',
  },
  {
    ...optionalText,
    key: 'innovations',
    path: 'plan.innovations',
    label: '创新点',
    required: true,
    className: 'apply-innovations',
  },
];

export const MILESTONES: SubCardList<Milestone> = {
  name: '里程碑',
  desc: '按月份列出阶段成果，至少一项。',
  path: 'plan.milestones',
  className: 'apply-milestone',
  addClassName: 'apply-add-milestone',
  min: 1,
  max: 24,
  blank: { month: '', deliverable: '' },
  fields: [
    {
      key: 'month',
      path: 'month',
      label: '完成月份',
      required: true,
      className: 'apply-milestone__month',
      maxlength: 7,
      placeholder: 'YYYY-MM，如 2025-06',
      parse: normaliseMonth,
    },
    {
      key: 'deliverable',
      path: 'deliverable',
      label: '阶段成果',
      required: true,
      className: 'apply-milestone__deliverable',
      maxlength: 200,
      placeholder: '如 完成样机试制',
    },
  ],
};

export const RESULT_FIELDS: Fields<ApplyForm> = [
  {
    ...optionalText,
    key: 'expectedResults',
    path: 'plan.expectedResults',
    label: '预期成果',
    required: true,
    className: 'apply-expected',
    placeholder: '样机、工艺、软件、专利、标准等及其指标',
  },
  { ...optionalText, key: 'risks', path: 'plan.risks', label: '风险及应对（选填）', className: 'apply-risks' },
];

export const MATCH_FIELDS: Fields<ApplyForm> = [
  {
    ...optionalText,
    key: 'match',
    path: 'match',
    label: '匹配度说明',
    required: true,
    hint: '逐项说明方案如何满足需求的技术指标、成果形式和进度要求',
    className: 'apply-match',
  },
];

export const BUDGET_FIELDS: Fields<ApplyForm> = [
  {
    key: 'budgetAmount',
    path: 'budget.amount',
    label: '预算金额',
    className: 'apply-budget-amount',
    type: 'digit',
    maxlength: 10,
    suffix: '万元',
    parse: decimal,
  },
  {
    key: 'budgetNote',
    path: 'budget.note',
    label: '预算说明',
    className: 'apply-budget-note',
    area: true,
    maxlength: 500,
    placeholder: '主要支出构成、自筹比例等',
  },
];
