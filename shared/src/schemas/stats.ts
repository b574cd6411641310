/**
 * Statistics (programmes.md §2, api.md "Statistics"): the dashboards' figures, read from counters kept in the
 * transaction of each change (functions/src/store/counters.ts).
 */
import * as z from 'zod';
import { DEMAND_STATUS_KEYS, FIELD_KEYS, keysOf } from '../constants';
import { regionOut, regionQuery, stampOut, storableNumber } from './common';

/** Monthly flows of the programme, in the order of its funnel. */
export const STATS_FLOWS = {
  submitted: '提交需求',
  published: '发布需求',
  applications: '揭榜申请',
  selected: '入选',
  no_selection: '流榜',
  accepted: '验收通过',
  supplier: '纳入供应商目录',
  // events (百场万企): held in the region, by month (see functions/src/domain/stats.ts)
  events: '对接活动',
  registrants: '参会企业',
  meetings: '一对一洽谈',
  outcomes: '确认的对接成果',
  /** 万元 (not a count: may have decimals). */
  amount: '签约金额（万元）',
} as const;
export type StatsFlow = keyof typeof STATS_FLOWS;
export const STATS_FLOW_KEYS = keysOf(STATS_FLOWS);

/** The funnel's stages (submitted → published → applied → selected → accepted). */
export const STATS_FUNNEL: readonly StatsFlow[] = ['submitted', 'published', 'applications', 'selected', 'accepted'];

/** GET /v1/stats/overview?year=&region= */
export const statsOverviewQuerySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    year: z.coerce
      .number({ error: '年度应为数字' })
      .int('年度应为整数')
      .min(2000, '年度不正确')
      .max(2100, '年度不正确')
      .optional(),
    region: regionQuery(),
  }))();
export type StatsOverviewQuery = z.infer<typeof statsOverviewQuerySchema>;

const count = /* @__PURE__ */ (() => storableNumber().int())();
/** Every flow is a count but the contract amount (万元). */
const flows = /* @__PURE__ */ (() =>
  z.object(
    Object.fromEntries(STATS_FLOW_KEYS.map((k) => [k, k === 'amount' ? storableNumber() : count])) as Record<
      StatsFlow,
      typeof count
    >,
  ))();

/**
 * The dashboard of one scope: the nation (ministry, no region) or one authority region. `demandsBy*` count the
 * campaign year's demands now in each status (drafts are not counted); the flows count what happened in each
 * calendar month of the year (Beijing time), by the authority region of the issuer (demands) or of the applicant
 * (applications, selections, acceptances, supplier-catalogue entries).
 */
export const statsOverviewSchema = /* @__PURE__ */ (() =>
  z.object({
    year: count,
    /** null: the whole country. */
    region: regionOut.nullable(),
    totals: flows,
    demandsByStatus: z.array(z.object({ status: z.enum(DEMAND_STATUS_KEYS), count })).max(DEMAND_STATUS_KEYS.length),
    demandsByField: z.array(z.object({ field: z.enum(FIELD_KEYS), count })).max(FIELD_KEYS.length),
    demandsByTrack: z.array(z.object({ track: z.string().max(20), count })).max(10),
    /** One line per authority region with any figure (ministry); the region itself (province). */
    byRegion: z
      .array(z.object({ region: regionOut, name: z.string().max(20), demands: count, ...flows.shape }))
      .max(40),
    /** The 12 months of the year, January first. */
    monthly: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), ...flows.shape })).max(12),
  }))();
export type StatsOverview = z.infer<typeof statsOverviewSchema>;

/*
 * The 统计表 (附件6): a template held as data, one report per authority and period.
 */

/** One column of the 统计表: `computed` columns are filled from platform records; the authority may correct them. */
export interface StatsColumn {
  key: string;
  label: string;
  kind: 'text' | 'number';
  source: 'computed' | 'entered';
}

/**
 * The default template (programmes.md §2; the real form is not in the seeds). Stored with each report, so that a
 * different form can be loaded as data without changing the code that fills, checks and exports it.
 */
export const STATS_TEMPLATE: readonly StatsColumn[] = [
  { key: 'name', label: '活动名称', kind: 'text', source: 'computed' },
  { key: 'type', label: '活动类型', kind: 'text', source: 'computed' },
  { key: 'date', label: '举办时间', kind: 'text', source: 'entered' },
  { key: 'place', label: '举办地点', kind: 'text', source: 'entered' },
  { key: 'organiser', label: '主办单位', kind: 'text', source: 'computed' },
  { key: 'large', label: '参会大企业数', kind: 'number', source: 'entered' },
  { key: 'smes', label: '参会中小企业数', kind: 'number', source: 'entered' },
  { key: 'institutions', label: '参会高校院所及服务机构数', kind: 'number', source: 'entered' },
  { key: 'demands', label: '发布需求数', kind: 'number', source: 'computed' },
  { key: 'talks', label: '对接洽谈次数', kind: 'number', source: 'computed' },
  { key: 'intentions', label: '达成合作意向数', kind: 'number', source: 'computed' },
  { key: 'signed', label: '签约项目数', kind: 'number', source: 'computed' },
  { key: 'amount', label: '签约金额（万元）', kind: 'number', source: 'entered' },
  { key: 'note', label: '备注', kind: 'text', source: 'entered' },
];

export const STATS_REPORT_STATES = {
  not_started: '未填报',
  draft: '填报中',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已确认',
} as const;
export type StatsReportState = keyof typeof STATS_REPORT_STATES;
export const STATS_REPORT_STATE_KEYS = keysOf(STATS_REPORT_STATES);

/** `2026H1` (January–June, due in July) or `2026Y` (the whole year, due the next January). */
export const statsPeriodSchema = /* @__PURE__ */ (() =>
  z.string().regex(/^20\d{2}(H1|Y)$/, '统计期应为“年度+H1”（上半年）或“年度+Y”（全年），如 2026H1'))();

const cellValue = /* @__PURE__ */ (() =>
  z.union([
    storableNumber().min(0, '数字不能为负数').max(1e9, '数字过大'),
    z.string().max(200, '内容不能超过 200 个字'),
    z.null(),
  ]))();

/** A row as the authority edits it: entered cells, and a note for each computed figure it corrected. */
export const statsRowInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    key: z.string().regex(/^[a-z0-9_-]{1,40}$/, '行标识不正确'),
    cells: z.record(z.string().max(40), cellValue).refine((c) => Object.keys(c).length <= 40, '列过多'),
    notes: z
      .record(z.string().max(40), z.string().trim().max(200, '说明不能超过 200 个字'))
      .refine((c) => Object.keys(c).length <= 40, '说明过多')
      .optional(),
  }))();

/** PUT /v1/stats/reports/{region}/{period}: every row, and the version that was read. */
export const statsReportInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    version: storableNumber({ error: '请提供读取时的版本号 version' }).int().min(0).max(1e9),
    rows: z.array(statsRowInputSchema).max(200, '最多 200 行'),
  }))();
export type StatsReportInput = z.infer<typeof statsReportInputSchema>;

export const statsReturnSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    comment: z.string().trim().min(2, '请填写退回意见（至少 2 个字）').max(500, '退回意见不能超过 500 个字'),
  }))();

export const statsReportParamsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    region: z.string().regex(/^\d{6}$/, '地区代码应为 6 位数字'),
    period: statsPeriodSchema,
  }))();
export const statsPeriodParamsSchema = /* @__PURE__ */ (() => z.strictObject({ period: statsPeriodSchema }))();
export const statsReportsQuerySchema = /* @__PURE__ */ (() => z.strictObject({ period: statsPeriodSchema }))();

const rowOut = /* @__PURE__ */ (() =>
  z.object({
    key: z.string().max(40),
    source: z.enum(['platform', 'entered']),
    cells: z.record(z.string().max(40), cellValue),
    /** Computed rows: the figures the platform's records give, kept beside any correction. */
    computed: z.record(z.string().max(40), cellValue).optional(),
    notes: z.record(z.string().max(40), z.string().max(200)).optional(),
  }))();

/** One authority's 统计表 for a period. */
export const statsReportSchema = /* @__PURE__ */ (() =>
  z.object({
    region: regionOut,
    authorityName: z.string().max(40),
    period: z.string().max(10),
    periodLabel: z.string().max(20),
    deadline: stampOut,
    state: z.enum(STATS_REPORT_STATE_KEYS),
    late: z.boolean(),
    /** Bumped by every change; a PUT carries the one it read. */
    version: count,
    /** How many times it was submitted (each submission is kept, unchanged, as that revision). */
    revision: count,
    columns: z.array(
      z.object({
        key: z.string().max(40),
        label: z.string().max(40),
        kind: z.enum(['text', 'number']),
        source: z.enum(['computed', 'entered']),
      }),
    ),
    rows: z.array(rowOut).max(200),
    /** Sums of the number columns. */
    total: z.record(z.string().max(40), count),
    comment: z.string().max(500).optional(),
    submittedAt: stampOut.optional(),
    returnedAt: stampOut.optional(),
    acceptedAt: stampOut.optional(),
    updatedAt: stampOut.optional(),
  }))();
export type StatsReport = z.infer<typeof statsReportSchema>;
export type StatsRow = StatsReport['rows'][number];

/** A line of the ministry's table of every authority for a period. */
export const statsReportLineSchema = /* @__PURE__ */ (() =>
  z.object({
    region: regionOut,
    authorityName: z.string().max(40),
    state: z.enum(STATS_REPORT_STATE_KEYS),
    late: z.boolean(),
    revision: count,
    submittedAt: stampOut.optional(),
  }))();
export const statsReportsSchema = /* @__PURE__ */ (() =>
  z.object({
    period: z.string().max(10),
    periodLabel: z.string().max(20),
    deadline: stampOut,
    items: z.array(statsReportLineSchema).max(40),
  }))();
export type StatsReports = z.infer<typeof statsReportsSchema>;
