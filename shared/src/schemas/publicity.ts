/**
 * 公示 of the 揭榜名单 (issue 17): the public list with its notice period and each result's state, and the
 * objections enterprises file and the ministry answers. Who objected appears only in the objection's own view,
 * which only the ministry and the objector read; no public or issuer shape carries it.
 */
import * as z from 'zod';
import { OBJECTION_DECISIONS, RESULT_STATES } from '../rules/publicity';
import { attachmentRefSchema } from './application';
import { idOut, listResponseSchema, nameOut, stampOut, textField } from './common';
import { resultLineSchema } from './evaluation';

/** Attachments of an objection (PDF, through the enterprise's upload path). */
export const MAX_OBJECTION_ATTACHMENTS = 3;

const noticePeriodSchema = /* @__PURE__ */ (() => z.object({ from: stampOut, until: stampOut }))();

/** A line of the public 揭榜名单 with its 公示 state and the end of its period. */
export const publicResultLineSchema = /* @__PURE__ */ (() =>
  resultLineSchema.extend({ state: z.enum(RESULT_STATES), noticeUntil: stampOut }))();
export type PublicResultLine = z.infer<typeof publicResultLineSchema>;

/** GET /v1/campaigns/{year}/results: a page of lines and the campaign's period (null: no campaign that year). */
export const publicResultsSchema = /* @__PURE__ */ (() =>
  listResponseSchema(publicResultLineSchema).extend({ noticePeriod: noticePeriodSchema.nullable() }))();
export type PublicResults = z.infer<typeof publicResultsSchema>;

/** POST /v1/campaigns/{year}/objections */
export const objectionInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    demandId: z.string({ error: '请选择对哪项需求的结果提出异议' }).min(1).max(64),
    text: textField('异议理由', 2000, 10),
    attachments: z
      .array(attachmentRefSchema)
      .max(MAX_OBJECTION_ATTACHMENTS, `附件最多 ${MAX_OBJECTION_ATTACHMENTS} 个`)
      .optional(),
  }))();
export type ObjectionInput = z.infer<typeof objectionInputSchema>;

/** POST /v1/objections/{id} (ministry) */
export const objectionDecisionInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    decision: z.enum(OBJECTION_DECISIONS, { error: '请选择异议成立或不成立' }),
    reply: textField('答复', 2000, 2),
  }))();
export type ObjectionDecisionInput = z.infer<typeof objectionDecisionInputSchema>;

/** An objection as the ministry and its objector see it. */
export const objectionSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    campaignYear: z.number().int(),
    demandId: idOut,
    demandTitle: nameOut,
    objectorName: nameOut,
    text: z.string().max(2000),
    attachments: z.array(z.object({ key: z.string().max(100), name: z.string().max(100) })),
    status: z.enum(['pending', ...OBJECTION_DECISIONS]),
    filedAt: stampOut,
    noticeUntil: stampOut,
    reply: z.string().max(2000).optional(),
    answeredAt: stampOut.optional(),
  }))();
export type Objection = z.infer<typeof objectionSchema>;

export const objectionListSchema = /* @__PURE__ */ (() => z.object({ items: z.array(objectionSchema) }))();
export type ObjectionList = z.infer<typeof objectionListSchema>;
