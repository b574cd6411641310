import * as z from 'zod';
import { DEPARTMENT_KEYS } from '../constants';
import { creditCodeSchema } from './org';
import { freeText, idOut, instantSchema, nameOut, regionOut, regionQuery, stampOut, storableNumber } from './common';

/** One statistics period of the year (附件6 report, seed 000): its key (2026H1, 2026Y), label and deadline. */
export const statisticsPeriodSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    key: z.string({ error: '请填写统计期编号' }).regex(/^\d{4}(H1|H2|Y)$/, '统计期编号形如 2026H1、2026Y'),
    label: freeText({ error: '请填写统计期名称' }, '统计期名称')
      .min(2, '请填写统计期名称')
      .max(40, '统计期名称不能超过 40 个字'),
    deadline: instantSchema,
  }))();
export type StatisticsPeriod = z.infer<typeof statisticsPeriodSchema>;

/**
 * The deadlines of a year's campaign (221号). `applicationOpensAt`: when SMEs may start to submit (揭榜); `null`
 * is "另行通知" — not open until the ministry sets it; absent means open as soon as a demand is published (the
 * campaigns set before the window existed).
 */
const campaignFields = /* @__PURE__ */ (() => ({
  title: freeText(undefined, '名称').min(2, '请填写名称').max(100, '名称不能超过 100 个字'),
  demandIntakeDeadline: instantSchema,
  applicationOpensAt: instantSchema.nullable().optional(),
  applicationDeadline: instantSchema,
  selectionDeadline: instantSchema,
  statisticsPeriods: z
    .array(statisticsPeriodSchema)
    .max(4, '统计期最多 4 个')
    .refine((p) => new Set(p.map((x) => x.key)).size === p.length, '统计期编号不能重复')
    .optional(),
  // publicity (公示, issue 17): the notice period's working days (5 when absent) and the public holidays it skips.
  noticeWorkingDays: storableNumber({ error: '公示期应为数字' }, '公示期')
    .int('公示期应为整数个工作日')
    .min(1, '公示期至少 1 个工作日')
    .max(30, '公示期不超过 30 个工作日')
    .optional(),
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '节假日应写作 2026-10-01'))
    .max(60, '节假日最多 60 天')
    .optional(),
}))();

type Deadlines = {
  demandIntakeDeadline: string;
  applicationOpensAt?: string | null | undefined;
  applicationDeadline: string;
  selectionDeadline: string;
};

/** The order of the deadlines: intake ≤ application deadline ≤ selection deadline; the window opens before it closes. */
const ordered = /* @__NO_SIDE_EFFECTS__ */ <T extends z.ZodType<Deadlines>>(s: T) =>
  s
    .refine((c) => Date.parse(c.demandIntakeDeadline) <= Date.parse(c.applicationDeadline), {
      path: ['applicationDeadline'],
      message: '揭榜截止时间不能早于需求征集截止时间',
    })
    .refine((c) => !c.applicationOpensAt || Date.parse(c.applicationOpensAt) < Date.parse(c.applicationDeadline), {
      path: ['applicationOpensAt'],
      message: '揭榜开始时间应早于揭榜截止时间',
    })
    .refine((c) => Date.parse(c.applicationDeadline) <= Date.parse(c.selectionDeadline), {
      path: ['selectionDeadline'],
      message: '遴选截止时间不能早于揭榜截止时间',
    });

export const campaignInputSchema = /* @__PURE__ */ (() =>
  ordered(
    z.strictObject({
      year: storableNumber({ error: '请填写年度' }, '年度')
        .int()
        .min(2020, '年度不早于 2020')
        .max(2100, '年度不晚于 2100'),
      ...campaignFields,
    }),
  ))();

/** PUT /v1/campaigns/{year}: the whole set of deadlines, and the version read (optimistic lock; omit to overwrite). */
export const campaignUpdateSchema = /* @__PURE__ */ (() =>
  ordered(
    z.strictObject({
      ...campaignFields,
      version: storableNumber({ error: '版本号应为数字' }, '版本号').int().min(0).max(1e9).optional(),
    }),
  ))();
export type CampaignUpdate = z.infer<typeof campaignUpdateSchema>;

export const campaignSchema = /* @__PURE__ */ (() =>
  z.object({
    year: storableNumber().int(),
    title: nameOut,
    demandIntakeDeadline: instantSchema,
    applicationOpensAt: instantSchema.nullable().optional(),
    applicationDeadline: instantSchema,
    selectionDeadline: instantSchema,
    statisticsPeriods: z.array(statisticsPeriodSchema).optional(),
    // publicity (公示)
    noticeWorkingDays: z.number().int().optional(),
    holidays: z.array(z.string().max(10)).optional(),
    createdAt: stampOut,
    updatedAt: stampOut.optional(),
    /** Optimistic-locking counter; absent on campaigns never changed (read as 0). */
    version: storableNumber().int().optional(),
  }))();
export type Campaign = z.infer<typeof campaignSchema>;

/** Ministry's "current campaign" answer and POST /v1/campaigns result. */
export type CampaignInput = z.infer<typeof campaignInputSchema>;

// 221号 to the letter (issue 16): the deadlines that apply to an issuer, provinces' cut-offs, departments' lists.

export const yearParams = /* @__PURE__ */ (() =>
  z.strictObject({
    year: z.coerce
      .number({ error: '年度应为数字' })
      .int('年度应为整数')
      .min(2020, '年度不早于 2020')
      .max(2100, '年度不晚于 2100'),
  }))();

export const deadlinesQuerySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    region: regionQuery('地区应为 6 位行政区划代码'),
  }))();

/**
 * GET /v1/campaigns/{year}/deadlines?region=: the campaign and, for an authority region (the issuer's), the
 * province's own earlier cut-off for its issuers' submissions, when it set one.
 */
export const campaignDeadlinesSchema = /* @__PURE__ */ (() =>
  z.object({
    campaign: campaignSchema,
    region: regionOut.nullable(),
    provinceCutoff: instantSchema.nullable(),
  }))();
export type CampaignDeadlines = z.infer<typeof campaignDeadlinesSchema>;

/** PUT /v1/campaigns/{year}/cutoffs/{region}: a province's cut-off (`null` removes it). */
export const cutoffParams = /* @__PURE__ */ (() =>
  z.strictObject({
    year: yearParams.shape.year,
    region: z.string().regex(/^\d{6}$/, '地区应为 6 位行政区划代码'),
  }))();
export const cutoffInputSchema = /* @__PURE__ */ (() => z.strictObject({ cutoff: instantSchema.nullable() }))();
export const cutoffSchema = /* @__PURE__ */ (() =>
  z.object({
    year: storableNumber().int(),
    region: regionOut,
    cutoff: instantSchema.nullable(),
    updatedAt: stampOut,
  }))();
export type Cutoff = z.infer<typeof cutoffSchema>;

/** A large enterprise a department (相关司局) contacted: only these submit directly to the ministry. */
export const departmentParams = /* @__PURE__ */ (() =>
  z.strictObject({ code: z.enum(DEPARTMENT_KEYS, { error: '司局编号不正确' }) }))();
export const directContactParams = /* @__PURE__ */ (() =>
  z.strictObject({ code: departmentParams.shape.code, creditCode: creditCodeSchema }))();
export const directContactInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    creditCode: creditCodeSchema,
    name: freeText({ error: '请填写企业名称' }, '企业名称')
      .min(2, '企业名称至少 2 个字')
      .max(100, '企业名称不能超过 100 个字'),
  }))();
export const directContactSchema = /* @__PURE__ */ (() =>
  z.object({
    department: z.enum(DEPARTMENT_KEYS),
    creditCode: z.string().length(18),
    name: nameOut,
    addedAt: stampOut,
    addedBy: idOut,
  }))();
export type DirectContact = z.infer<typeof directContactSchema>;
export const directContactListSchema = /* @__PURE__ */ (() => z.object({ items: z.array(directContactSchema) }))();
