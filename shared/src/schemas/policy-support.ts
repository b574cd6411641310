/**
 * 揭榜企业与政策支持 (issue 16, item 7; domain.md "Policy support follows selection"): the authorities' list of the
 * SMEs selected in a campaign — one entry per SME, filtered by qualification — and the support each was given
 * (measure, amount, date), recorded by its authority. A support record is append-only.
 */
import * as z from 'zod';
import { campaignYearParamsSchema, selectedSmeFields } from './evaluation';
import {
  dateSchema,
  idOut,
  listQuerySchema,
  nameOut,
  regionQuery,
  stampOut,
  storableNumber,
  textField,
} from './common';

/** Qualifications the list filters by: the three the policy names (高新技术企业 is not a policy-support tier). */
export const SUPPORT_QUALIFICATIONS = ['little_giant', 'provincial_specialized', 'innovative_sme'] as const;
export type SupportQualification = (typeof SUPPORT_QUALIFICATIONS)[number];

/** Measures an authority records most often (the form offers them; any text of 2–40 characters is accepted). */
export const SUPPORT_MEASURES = ['资金奖补', '贷款贴息', '融资担保', '政府采购支持', '人才支持', '服务券'] as const;

/** The largest amount one record may carry (元): 1 亿元. */
export const MAX_SUPPORT_AMOUNT_YUAN = 100_000_000;

/** GET /v1/campaigns/{year}/supported-smes?qualification=&region= */
export const supportedSmesQuerySchema = /* @__PURE__ */ (() =>
  listQuerySchema
    .extend({
      qualification: z
        .enum(SUPPORT_QUALIFICATIONS, { error: '资质应为小巨人、省级专精特新或创新型中小企业' })
        .optional(),
      region: regionQuery(),
    })
    .strict())();
export type SupportedSmesQuery = z.infer<typeof supportedSmesQuerySchema>;

export const supportedSmesExportQuerySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    qualification: z.enum(SUPPORT_QUALIFICATIONS, { error: '资质应为小巨人、省级专精特新或创新型中小企业' }).optional(),
    region: regionQuery(),
  }))();

export const supportedSmeParamsSchema = /* @__PURE__ */ (() =>
  campaignYearParamsSchema.extend({ orgId: z.string().min(1).max(64) }))();

/** POST …/support: one measure given to one SME. amountYuan 0 for a measure without money (e.g. 人才支持). */
export const supportInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    measure: textField('支持措施', 40, 2),
    amountYuan: storableNumber({ error: '金额应为数字（元）' }, '金额')
      .int('金额应为整数（元）')
      .min(0, '金额不能为负数')
      .max(MAX_SUPPORT_AMOUNT_YUAN, '单笔金额不能超过 1 亿元'),
    date: dateSchema,
    note: textField('备注', 500).optional(),
  }))();
export type SupportInput = z.infer<typeof supportInputSchema>;

export const supportRecordSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    orgId: idOut,
    campaignYear: z.number().int(),
    measure: z.string().max(40),
    amountYuan: z.number().int(),
    date: z.string().max(10),
    note: z.string().max(500).optional(),
    recordedAt: stampOut,
    recordedByName: nameOut,
  }))();
export type SupportRecord = z.infer<typeof supportRecordSchema>;

/** One selected SME of a campaign, with the demands it was selected on and the support recorded so far. */
export const supportedSmeSchema = /* @__PURE__ */ (() =>
  z.object({
    orgId: idOut,
    orgName: nameOut,
    ...selectedSmeFields(),
    demands: z.array(z.object({ demandId: idOut, demandTitle: nameOut })),
    supportCount: z.number().int(),
    supportTotalYuan: z.number().int(),
    lastSupportDate: z.string().max(10).optional(),
  }))();
export type SupportedSme = z.infer<typeof supportedSmeSchema>;
