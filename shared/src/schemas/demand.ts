import * as z from 'zod';
import {
  DEPARTMENT_KEYS,
  COOPERATION_MODE_KEYS,
  DEMAND_STATUS_KEYS,
  DEMAND_TRACK_KEYS,
  DEMAND_TYPE_KEYS,
  FIELD_KEYS,
  OUTCOME_FORM_KEYS,
} from '../constants';
import { auditEventSchema } from './audit';
import {
  dateSchema,
  freeText,
  idOut,
  instantSchema,
  listQuerySchema,
  nameOut,
  negotiableAmount,
  regionOut,
  stampOut,
  storableNumber,
  textField,
} from './common';

const text = textField;

export const contactSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    name: text('联系人姓名', 20, 1),
    title: text('联系人职务', 30).optional(),
    phone: z
      .string({ error: '请填写联系电话' })
      .trim()
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, '请填写有效的手机号或固定电话（如 010-12345678）'),
    email: z.email('电子邮箱格式不正确').max(100, '电子邮箱过长').optional(),
  }))();
export type Contact = z.infer<typeof contactSchema>;

/**
 * A contact as a response carries it: whole to those who need it, masked to the others (138****1234,
 * w***@example.com; functions/src/domain/privacy.ts), or emptied after its person erased the account (已注销用户,
 * no phone) — so not the form's patterns, only its bounds.
 */
export const contactOutSchema = /* @__PURE__ */ (() =>
  z.object({
    name: z.string().max(20),
    title: z.string().max(30).optional(),
    phone: z.string().max(30),
    email: z.string().max(100).optional(),
  }))();

export const weightsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      team: storableNumber().int().min(0).max(100),
      capability: storableNumber().int().min(0).max(100),
      plan: storableNumber().int().min(0).max(100),
      match: storableNumber().int().min(0).max(100),
    })
    .refine((w) => w.team + w.capability + w.plan + w.match === 100, '四项权重之和应为 100'))();
export type Weights = z.infer<typeof weightsSchema>;
export const DEFAULT_WEIGHTS: Weights = { team: 25, capability: 25, plan: 25, match: 25 };

export const budgetSchema = /* @__PURE__ */ negotiableAmount('预算', '预算金额');

/** The 需求表 as the issuer fills it (POST /v1/demands, PUT /v1/demands/{id}). */
export const demandInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    title: text('需求名称', 100, 5),
    field: z.enum(FIELD_KEYS, { error: '请选择所属领域' }),
    catalogueCategory: text('《产业基础创新发展目录》类别', 100).optional(),
    demandType: z.enum(DEMAND_TYPE_KEYS, { error: '请选择需求类型' }),
    background: text('需求背景及现状', 2000, 1),
    difficulties: text('关键技术难点', 2000, 1),
    indicators: z
      .array(z.strictObject({ name: text('指标名称', 50, 1), target: text('指标要求', 200, 1) }))
      .min(1, '至少填写一项主要技术指标')
      .max(20, '技术指标最多 20 项'),
    outcomeForms: z.array(z.enum(OUTCOME_FORM_KEYS)).min(1, '至少选择一种成果形式').max(7),
    cooperationModes: z.array(z.enum(COOPERATION_MODE_KEYS)).min(1, '至少选择一种合作方式').max(6),
    budget: budgetSchema,
    expectedCompletion: dateSchema,
    /** Defaults to the campaign's application deadline; may be earlier, never later (checked by the server). */
    applicationDeadline: instantSchema.optional(),
    anonymous: z.boolean({ error: '请选择是否公开企业名称' }),
    contact: contactSchema,
    weights: weightsSchema.optional(),
  }))();
export type DemandInput = z.infer<typeof demandInputSchema>;

/** Issuer as the public may see it: null when the issuer chose anonymity. */
export const publicIssuerSchema = /* @__PURE__ */ (() => z.object({ id: idOut, name: nameOut }).nullable())();

/** A card of the public catalogue (GET /v1/catalogue). Never carries contact or credit code. */
export const catalogueItemSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    title: nameOut,
    field: z.enum(FIELD_KEYS),
    demandType: z.enum(DEMAND_TYPE_KEYS),
    region: regionOut,
    issuer: publicIssuerSchema,
    issuerName: nameOut.optional(),
    budget: z.object({ amount: storableNumber().optional(), negotiable: z.boolean() }),
    applicationDeadline: instantSchema,
    publishedAt: stampOut,
    status: z.enum(DEMAND_STATUS_KEYS),
    open: z.boolean(),
    /** SME 发榜 (library area): absent on the large enterprises' demands (track `large`). */
    track: z.enum(DEMAND_TRACK_KEYS).optional(),
  }))();
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

/** One published demand as the public sees it (GET /v1/catalogue/{id}). */
export const catalogueDetailSchema = /* @__PURE__ */ (() =>
  catalogueItemSchema.extend({
    catalogueCategory: z.string().max(100).optional(),
    background: z.string().max(2000),
    difficulties: z.string().max(2000),
    indicators: z.array(z.object({ name: z.string().max(50), target: z.string().max(200) })).max(20),
    outcomeForms: z.array(z.enum(OUTCOME_FORM_KEYS)),
    cooperationModes: z.array(z.enum(COOPERATION_MODE_KEYS)),
    expectedCompletion: dateSchema,
    weights: z.object({
      team: storableNumber(),
      capability: storableNumber(),
      plan: storableNumber(),
      match: storableNumber(),
    }),
    withdrawReason: z.string().max(500).optional(),
    /** The campaign (年度) the demand was published in: its 揭榜名单 is that year's. */
    campaignYear: storableNumber().int(),
  }))();
export type CatalogueDetail = z.infer<typeof catalogueDetailSchema>;

export const catalogueQuerySchema = /* @__PURE__ */ (() =>
  z.object({
    field: z.enum(FIELD_KEYS, { error: '领域不正确' }).optional(),
    region: z
      .string()
      .regex(/^\d{6}$/, '地区代码应为 6 位数字')
      .optional(),
    q: freeText(undefined, '搜索词').max(50, '搜索词不能超过 50 个字').optional(),
    open: z.enum(['0', '1'], { error: 'open 只能为 0 或 1' }).optional(),
    /** SME 发榜 (library area): 大企业发榜 (`large`) or 中小企业发榜 (`sme`). */
    track: z.enum(DEMAND_TRACK_KEYS, { error: 'track 只能为 large（大企业发榜）或 sme（中小企业发榜）' }).optional(),
  }))();
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

// 221号 on paper (issue 16, item 6)
/** The stamped scan of a printed form (需求表, 申请书) as recorded on its record: the attachment and when. */
export const stampedScanSchema = /* @__PURE__ */ (() =>
  z.object({ key: z.string().max(64), name: z.string().max(100), at: stampOut }))();
export type StampedScan = z.infer<typeof stampedScanSchema>;

export const DEMAND_CHANNELS = ['province', 'ministry'] as const;

/** A demand as its issuer and the reviewing authorities see it (everything, including private parts). */
export const demandSchema = /* @__PURE__ */ (() =>
  demandInputSchema.safeExtend({
    id: idOut,
    contact: contactOutSchema,
    status: z.enum(DEMAND_STATUS_KEYS),
    version: storableNumber().int(),
    issuerOrgId: idOut,
    issuerName: nameOut,
    issuerCreditCode: z.string().length(18),
    /** Authority region of the issuer: the province (or 计划单列市 / 兵团) that pre-reviews it. */
    region: regionOut,
    campaignYear: storableNumber().int(),
    channel: z.enum(DEMAND_CHANNELS).optional(),
    applicationDeadline: instantSchema,
    weights: weightsSchema,
    createdAt: stampOut,
    updatedAt: stampOut,
    submittedAt: stampOut.optional(),
    publishedAt: stampOut.optional(),
    /** When a province forwarded it to the ministry (its place in the ministry's queue). */
    forwardedAt: stampOut.optional(),
    withdrawnAt: stampOut.optional(),
    withdrawReason: z.string().max(500).optional(),
    /** When the issuer's selection (or 流榜) was decided. */
    decidedAt: stampOut.optional(),
    /** After a selection: selected applicants whose 验收 is still to be recorded (0 when completed). */
    acceptancePending: storableNumber().int().min(0).optional(),
    // 221号 to the letter (issue 16): who contacted a direct submission; the issuer's size as the reviewers see it.
    /** The ministry's department (相关司局) that contacted the issuer: recorded on a direct submission. */
    department: z.enum(DEPARTMENT_KEYS).optional(),
    /** The issuer's size by the 300号 table when it submitted (reviewers see it). */
    issuerSize: z.enum(['large', 'medium', 'small', 'micro']).optional(),
    /** Why an issuer the table calls an SME issues as a large enterprise (e.g. a group's headquarters). */
    issuerSizeReason: z.string().max(500).optional(),
    /** When the reviewing authority confirmed that reason (forward or direct publication). */
    issuerSizeConfirmedAt: stampOut.optional(),
    // 221号 on paper (issue 16, item 6)
    /** The stamped 需求表, scanned and uploaded by the issuer. */
    stampedScan: stampedScanSchema.optional(),
    /** SME 发榜 (library area): `sme` on an SME's demand, set at creation from its issuer; absent = `large`. */
    track: z.enum(DEMAND_TRACK_KEYS).optional(),
  }))();
export type Demand = z.infer<typeof demandSchema>;

/** PUT /v1/demands/{id}: the whole form, and optionally the version the client edited (optimistic lock). */
export const demandUpdateSchema = /* @__PURE__ */ (() =>
  demandInputSchema.safeExtend({
    version: storableNumber({ error: '版本号应为数字' }).int().min(1).optional(),
  }))();
export type DemandUpdate = z.infer<typeof demandUpdateSchema>;

/** POST /v1/demands/{id}/submit */
export const demandSubmitSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    channel: z.enum(DEMAND_CHANNELS, {
      error: '请选择报送渠道：province（省级主管部门）或 ministry（工业和信息化部）',
    }),
    /** Required when the 300号 table does not class the issuer as large: why it issues as one (issue 16). */
    sizeReason: freeText({ error: '请说明理由' }, '理由')
      .min(4, '请说明理由（至少 4 个字）')
      .max(500, '理由不能超过 500 个字')
      .optional(),
  }))();

/** POST /v1/demands/{id}/withdraw — the reason is shown to applicants on the public detail. */
export const demandWithdrawSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    reason: freeText({ error: '请填写撤回理由' }, '撤回理由')
      .min(2, '请填写撤回理由（至少 2 个字）')
      .max(500, '撤回理由不能超过 500 个字'),
  }))();

export const REVIEW_DECISIONS = ['forward', 'return', 'publish', 'reject'] as const;

/** POST /v1/review/demands/{id}: a return or a rejection must say why (the issuer reads it). */
export const demandReviewSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      decision: z.enum(REVIEW_DECISIONS, { error: '审核结论应为 forward、return、publish 或 reject' }),
      comment: freeText({ error: '审核意见应为文字' }, '审核意见').max(1000, '审核意见不能超过 1000 个字').optional(),
      /** The authority confirms the reason of an issuer the 300号 table does not class as large (issue 16). */
      confirmIssuerSize: z.literal(true, { error: 'confirmIssuerSize 只能为 true' }).optional(),
    })
    .refine((r) => !(r.decision === 'return' || r.decision === 'reject') || (r.comment ?? '').length >= 2, {
      path: ['comment'],
      message: '退回或不予发布时请填写理由（至少 2 个字）',
    }))();
export type DemandReview = z.infer<typeof demandReviewSchema>;

/** One line of an issuer's list or a review queue. Private parts (contact) are left to the detail. */
export const demandSummarySchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    title: nameOut,
    field: z.enum(FIELD_KEYS),
    demandType: z.enum(DEMAND_TYPE_KEYS),
    status: z.enum(DEMAND_STATUS_KEYS),
    version: storableNumber().int(),
    channel: z.enum(DEMAND_CHANNELS).optional(),
    region: regionOut,
    issuerName: nameOut,
    anonymous: z.boolean(),
    applicationDeadline: instantSchema,
    createdAt: stampOut,
    updatedAt: stampOut,
    submittedAt: stampOut.optional(),
    publishedAt: stampOut.optional(),
    track: z.enum(DEMAND_TRACK_KEYS).optional(),
  }))();
export type DemandSummary = z.infer<typeof demandSummarySchema>;

/** GET /v1/demands?mine=1 */
export const myDemandsQuerySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    mine: z.literal('1', { error: '目前只支持 mine=1（本企业的需求）' }),
    limit: listQuerySchema.shape.limit,
    cursor: listQuerySchema.shape.cursor,
  }))();

/**
 * GET /v1/demands/{id}: the whole demand for its issuer and reviewing authorities, with its timeline (the audit
 * trail: who did what, when and why — oldest first) and the actions the caller may take now.
 */
export const demandDetailSchema = /* @__PURE__ */ (() =>
  demandSchema.safeExtend({
    timeline: z.array(auditEventSchema),
    allowedActions: z.array(z.string()),
  }))();
export type DemandDetail = z.infer<typeof demandDetailSchema>;

/** GET /v1/review/demands: the caller's queue, oldest submission first, and how many wait in it. */
export const reviewQueueSchema = /* @__PURE__ */ (() =>
  z.object({
    items: z.array(demandSummarySchema),
    nextCursor: z.string().nullable(),
    counts: z.object({ total: storableNumber().int() }),
  }))();
