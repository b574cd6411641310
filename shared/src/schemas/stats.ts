/**
 * Statistics (programmes.md §2, api.md "Statistics"): the dashboards' figures, read from counters kept in the
 * transaction of each change (functions/src/store/counters.ts).
 */
import * as z from 'zod';
import { DEMAND_STATUS_KEYS, FIELD_KEYS } from '../constants';
import { regionOut, storableNumber } from './common';

/** Monthly flows of the programme, in the order of its funnel. */
export const STATS_FLOWS = {
  submitted: '提交需求',
  published: '发布需求',
  applications: '揭榜申请',
  selected: '入选',
  no_selection: '流榜',
  accepted: '验收通过',
  supplier: '纳入供应商目录',
} as const;
export type StatsFlow = keyof typeof STATS_FLOWS;
export const STATS_FLOW_KEYS = Object.keys(STATS_FLOWS) as [StatsFlow, ...StatsFlow[]];

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
    region: z
      .string()
      .regex(/^\d{6}$/, '地区代码应为 6 位数字')
      .optional(),
  }))();
export type StatsOverviewQuery = z.infer<typeof statsOverviewQuerySchema>;

const count = /* @__PURE__ */ (() => storableNumber().int())();
const flows = /* @__PURE__ */ (() =>
  z.object(Object.fromEntries(STATS_FLOW_KEYS.map((k) => [k, count])) as Record<StatsFlow, typeof count>))();

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
