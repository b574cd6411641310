/**
 * 科技成果赋智 (issue 15): achievements (成果库), interests (对接意向) and matching (精准对接). Built inside
 * `/* @__PURE__ *\/ (() => …)()` like every schema of this folder (see common.ts).
 */
import * as z from 'zod';
import {
  ACHIEVEMENT_STATUS_KEYS,
  FIELD_KEYS,
  INTEREST_STATUS_KEYS,
  IP_KIND_KEYS,
  TRANSFER_MODE_KEYS,
} from '../constants';
import { idOut, nameOut, negotiableAmount, regionOut, stampOut, storableNumber, textField, freeText } from './common';
import { contactOutSchema, contactSchema } from './demand';

const text = textField;

/** The 成果 form (POST /v1/achievements, PUT /v1/achievements/{id}). */
export const achievementInputSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      title: text('成果名称', 100, 4),
      field: z.enum(FIELD_KEYS, { error: '请选择所属领域' }),
      summary: text('成果简介', 2000, 10),
      maturity: storableNumber({ error: '请选择技术成熟度（1–9 级）' }, '技术成熟度')
        .int('技术成熟度应为 1–9 的整数')
        .min(1, '技术成熟度应为 1–9 级')
        .max(9, '技术成熟度应为 1–9 级'),
      ip: z
        .array(
          z.strictObject({
            kind: z.enum(IP_KIND_KEYS, { error: '请选择知识产权类型' }),
            number: text('知识产权编号', 50).optional(),
          }),
        )
        .max(20, '知识产权最多 20 项'),
      transferModes: z
        .array(z.enum(TRANSFER_MODE_KEYS, { error: '转化方式不正确' }))
        .min(1, '至少选择一种转化方式')
        .max(5)
        .refine((m) => new Set(m).size === m.length, '转化方式不能重复'),
      /** 开放许可 "一对多": the published terms every licensee gets. Required with that mode. */
      openLicenseTerms: text('开放许可条件', 1000).optional(),
      price: negotiableAmount('价格', '价格'),
      fundedProject: text('来源的财政资助项目', 100).optional(),
      contact: contactSchema,
    })
    .refine((a) => !a.transferModes.includes('open_license') || (a.openLicenseTerms ?? '').length > 0, {
      message: '选择开放许可时请填写公开的许可条件（许可费用、期限、范围）',
      path: ['openLicenseTerms'],
    }))();
export type AchievementInput = z.infer<typeof achievementInputSchema>;

const termsOut = /* @__PURE__ */ (() =>
  z.array(z.object({ term: z.string().max(50), weight: storableNumber() })).max(30))();

/** An achievement as its owner and the authority see it (the contact included). */
export const achievementSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    title: nameOut,
    field: z.enum(FIELD_KEYS),
    summary: z.string().max(2000),
    maturity: storableNumber().int(),
    ip: z.array(z.object({ kind: z.enum(IP_KIND_KEYS), number: z.string().max(50).optional() })).max(20),
    transferModes: z.array(z.enum(TRANSFER_MODE_KEYS)).max(5),
    openLicenseTerms: z.string().max(1000).optional(),
    price: z.object({ amount: storableNumber().optional(), negotiable: z.boolean() }),
    fundedProject: z.string().max(100).optional(),
    contact: contactOutSchema,
    ownerOrgId: idOut,
    ownerName: nameOut,
    ownerKind: z.string().max(20),
    authorityRegion: regionOut,
    region: regionOut,
    status: z.enum(ACHIEVEMENT_STATUS_KEYS),
    version: storableNumber().int(),
    reviewComment: z.string().max(500).optional(),
    terms: termsOut.optional(),
    createdAt: stampOut,
    updatedAt: stampOut,
    submittedAt: stampOut.optional(),
    publishedAt: stampOut.optional(),
  }))();
export type Achievement = z.infer<typeof achievementSchema>;

/** A card of the public library: never the contact (exchanged only through an accepted interest). */
export const achievementCardSchema = /* @__PURE__ */ (() =>
  achievementSchema
    .pick({
      id: true,
      title: true,
      field: true,
      summary: true,
      maturity: true,
      transferModes: true,
      price: true,
      ownerOrgId: true,
      ownerName: true,
      ownerKind: true,
      region: true,
    })
    .extend({ publishedAt: stampOut }))();
export type AchievementCard = z.infer<typeof achievementCardSchema>;

/** GET /v1/achievements/{id}: the public part, and for the owner and its authority the rest. */
export const achievementDetailSchema = /* @__PURE__ */ (() =>
  achievementCardSchema.extend({
    ip: z.array(z.object({ kind: z.enum(IP_KIND_KEYS), number: z.string().max(50).optional() })).max(20),
    openLicenseTerms: z.string().max(1000).optional(),
    fundedProject: z.string().max(100).optional(),
    status: z.enum(ACHIEVEMENT_STATUS_KEYS),
    publishedAt: stampOut.optional(),
    /** Present for the owner's members and the authority only. */
    contact: achievementSchema.shape.contact.optional(),
    reviewComment: z.string().max(500).optional(),
    version: storableNumber().int().optional(),
    /** What the caller may do now: submit (owner), publish/return (authority), interest (an enterprise). */
    allowedActions: z.array(z.enum(['edit', 'submit', 'publish', 'return', 'interest'])),
  }))();
export type AchievementDetail = z.infer<typeof achievementDetailSchema>;

export const libraryQuerySchema = /* @__PURE__ */ (() =>
  z.object({
    field: z.enum(FIELD_KEYS, { error: '领域不正确' }).optional(),
    maturity: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9'], { error: '技术成熟度应为 1–9' }).optional(),
    mode: z.enum(TRANSFER_MODE_KEYS, { error: '转化方式不正确' }).optional(),
    q: freeText(undefined, '搜索词').max(50, '搜索词不能超过 50 个字').optional(),
    mine: z.enum(['1'], { error: 'mine 只能为 1' }).optional(),
  }))();
export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

export const achievementReviewSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      decision: z.enum(['publish', 'return'], { error: '请选择发布或退回' }),
      comment: text('审核意见', 500).optional(),
    })
    .refine((r) => r.decision !== 'return' || (r.comment ?? '').length > 0, {
      message: '退回时请填写退回原因',
      path: ['comment'],
    }))();

/** POST /v1/achievements/{id}/interests. */
export const interestInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    message: text('对接意向说明', 500, 5),
  }))();

export const interestDecisionSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    decision: z.enum(['accept', 'decline', 'sign', 'close'], { error: '请选择接受、婉拒、签约或终止' }),
    comment: text('说明', 500).optional(),
  }))();

/** An interest as either side sees it; contacts only once accepted (`contactsVisible`). */
export const interestSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    achievementId: idOut,
    achievementTitle: nameOut,
    ownerOrgId: idOut,
    ownerName: nameOut,
    senderOrgId: idOut,
    senderName: nameOut,
    message: z.string().max(500),
    status: z.enum(INTEREST_STATUS_KEYS),
    version: storableNumber().int(),
    createdAt: stampOut,
    updatedAt: stampOut,
    acceptedAt: stampOut.optional(),
    /** Both sides' contacts, from the acceptance on. */
    contacts: z.object({ owner: contactOutSchema, sender: contactOutSchema }).optional(),
    /** What the caller may decide now. */
    allowedDecisions: z.array(z.enum(['accept', 'decline', 'sign', 'close'])),
    /** Which side the caller is on. */
    side: z.enum(['owner', 'sender']),
    /**
     * The 技术经理人 the owner's admin attached: a user with role tech_manager of its own organisation or of a
     * service body or institute (orgName then names it).
     */
    techManager: z
      .object({ id: idOut, name: z.string().max(50), orgId: idOut.optional(), orgName: z.string().max(50).optional() })
      .optional(),
  }))();
export type Interest = z.infer<typeof interestSchema>;

/** PUT /v1/interests/{id}/tech-manager: the 技术经理人 to attach (their 技术经理人编号, a user id), or null to detach. */
export const interestTechManagerInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    userId: z
      .string({ error: '请选择技术经理人' })
      .trim()
      .min(1, '请选择或输入技术经理人编号')
      .max(64, '技术经理人编号格式不正确')
      .regex(/^[A-Za-z0-9_-]+$/, '技术经理人编号格式不正确')
      .nullable(),
  }))();

export const interestsQuerySchema = /* @__PURE__ */ (() =>
  z.object({
    box: z.enum(['received', 'sent'], { error: 'box 只能为 received 或 sent' }).default('received'),
  }))();

/** One item of GET /v1/recommendations: a published demand for the caller, with why. */
export const recommendationSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    title: nameOut,
    field: z.enum(FIELD_KEYS),
    region: regionOut,
    /** null for an anonymous issuer (never revealed). */
    issuer: z.object({ id: idOut, name: nameOut }).nullable(),
    applicationDeadline: z.string().max(40),
    score: storableNumber(),
    reasons: z.array(z.string().max(200)).min(1).max(6),
  }))();
export type Recommendation = z.infer<typeof recommendationSchema>;

export const recommendationsQuerySchema = /* @__PURE__ */ (() =>
  z.object({
    limit: z.coerce
      .number({ error: '条数应为数字' })
      .int('条数应为整数')
      .min(1, '至少 1 条')
      .max(20, '最多 20 条')
      .default(5),
  }))();

/** One item of GET /v1/demands/{id}/matches: an organisation or an achievement, with why. */
export const matchSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: z.enum(['org', 'achievement']),
    id: idOut,
    name: nameOut,
    orgKind: z.string().max(20).optional(),
    region: regionOut.optional(),
    score: storableNumber(),
    reasons: z.array(z.string().max(200)).min(1).max(6),
  }))();
export type Match = z.infer<typeof matchSchema>;
