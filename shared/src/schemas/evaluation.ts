/**
 * 遴选与验收 (evaluation, selection, acceptance) and the 揭榜名单: request and response shapes of the issuer's
 * reviewers, the applicants' feedback and the published result lists.
 */
import * as z from 'zod';
import { ACCEPTANCE_OUTCOME_KEYS, FIELD_KEYS, QUALIFICATION_KEYS } from '../constants';
import { APPLICATION_STATUS_KEYS } from '../rules/application-state';
import { MAX_SELECTED, RANKING_SORTS } from '../rules/selection';
import { ACCEPTANCE_RESULTS, acceptanceSchema, attachmentRefSchema } from './application';
import {
  idOut,
  listQuerySchema,
  nameOut,
  regionOut,
  regionQuery,
  stampOut,
  storable,
  storableNumber,
  textField,
} from './common';
import { APPLICANT_CLASSES } from './org';

const score = /* @__NO_SIDE_EFFECTS__ */ (label: string) =>
  storableNumber({ error: `${label}评分应为 0–100 的整数` }, `${label}评分`)
    .int(`${label}评分应为整数`)
    .min(0, `${label}评分不能小于 0`)
    .max(100, `${label}评分不能超过 100`);

const text = textField;

const criteriaSchema = /* @__PURE__ */ (() =>
  z.object({
    team: storableNumber(),
    capability: storableNumber(),
    plan: storableNumber(),
    match: storableNumber(),
  }))();

/** PUT /v1/applications/{id}/scores: one reviewer's score set (replaces the reviewer's previous one). */
export const scoreInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    team: score('团队水平'),
    capability: score('研发能力'),
    plan: score('攻关方案'),
    match: score('与需求匹配度'),
    comment: text('评审意见', 1000).optional(),
  }))();
export type ScoreInput = z.infer<typeof scoreInputSchema>;

/** A reviewer's stored score set as the reviewer and the issuer's members see it. */
export const scoreSetSchema = /* @__PURE__ */ (() =>
  z.object({
    applicationId: idOut,
    demandId: idOut,
    reviewerId: idOut,
    team: storableNumber().int(),
    capability: storableNumber().int(),
    plan: storableNumber().int(),
    match: storableNumber().int(),
    comment: z.string().max(1000).optional(),
    /** Weighted total of this set with the demand's weights. */
    total: storableNumber(),
    version: storableNumber().int(),
    createdAt: stampOut,
    updatedAt: stampOut,
  }))();
export type ScoreSet = z.infer<typeof scoreSetSchema>;

/** One line of GET /v1/demands/{id}/applications (the issuer's evaluation queue). */
export const releasedApplicationSchema = /* @__PURE__ */ (() =>
  z.object({
    applicationId: idOut,
    demandId: idOut,
    orgId: idOut,
    orgName: nameOut,
    orgSize: z.enum(APPLICANT_CLASSES),
    authorityRegion: regionOut,
    status: z.enum(APPLICATION_STATUS_KEYS),
    releasedAt: stampOut.optional(),
    reviewerCount: storableNumber().int(),
    /** The caller has a score set for this application. */
    scoredByMe: z.boolean(),
  }))();
export type ReleasedApplication = z.infer<typeof releasedApplicationSchema>;

export const releasedApplicationsSchema = /* @__PURE__ */ (() =>
  z.object({
    items: z.array(releasedApplicationSchema),
    nextCursor: z.string().nullable(),
  }))();

export const rankingQuerySchema = /* @__PURE__ */ (() =>
  listQuerySchema
    .extend({ sort: z.enum(RANKING_SORTS, { error: `排序只能为 ${RANKING_SORTS.join('、')}` }).default('total') })
    .strict())();
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

/** One line of GET /v1/demands/{id}/ranking. */
export const rankingLineSchema = /* @__PURE__ */ (() =>
  releasedApplicationSchema.extend({
    rank: storableNumber().int(),
    /** Weighted total of the per-criterion averages (0–100), null until someone scored. */
    total: storableNumber().nullable(),
    averages: criteriaSchema.nullable(),
  }))();
export type RankingLine = z.infer<typeof rankingLineSchema>;

export const selectionDecisionSchema = /* @__PURE__ */ (() =>
  z.object({
    demandId: idOut,
    outcome: z.enum(['selected', 'no_selection']),
    applicationIds: z.array(idOut).max(MAX_SELECTED),
    justification: z.string().max(2000),
    shareComments: z.boolean(),
    /** Lowest weighted total among the selected when decided (the threshold told to the others). */
    lowestSelectedTotal: storableNumber().nullable(),
    decidedAt: stampOut,
    /** Released applications told "not selected". */
    notSelectedCount: storableNumber().int(),
    /** True while "not selected" updates beyond the first transaction are still being written (large demands). */
    fanoutPending: z.boolean(),
  }))();
export type SelectionDecision = z.infer<typeof selectionDecisionSchema>;

export const rankingSchema = /* @__PURE__ */ (() =>
  z.object({
    items: z.array(rankingLineSchema),
    nextCursor: z.string().nullable(),
    sort: z.enum(RANKING_SORTS),
    weights: criteriaSchema,
    /** "已评 x / n": released applications and how many of them the caller scored. */
    counts: z.object({ applications: storableNumber().int(), scoredByMe: storableNumber().int() }),
    decision: selectionDecisionSchema.nullable(),
  }))();

/** POST /v1/demands/{id}/selection. An empty list is 流榜 (no selection): the justification is the reason. */
export const selectionInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    // More than MAX_SELECTED is a business rule (422 SELECTION_LIMIT), not malformed input: accept a few more here.
    applicationIds: z
      .array(
        z
          .string()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9_-]+$/, '申请编号格式不正确'),
        { error: '请提供入选的申请编号列表' },
      )
      .max(20, `每个需求最多选择 ${MAX_SELECTED} 家`),
    justification: text('遴选理由', 2000, 2),
    /** Let the applicants read the reviewers' comments (anonymised) in their feedback. Default: no. */
    shareComments: z.boolean({ error: 'shareComments 应为 true 或 false' }).optional(),
  }))();
export type SelectionInput = z.infer<typeof selectionInputSchema>;

/** POST /v1/applications/{id}/acceptance (验收), one per selected applicant. */
export const acceptanceInputSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      result: z.enum(ACCEPTANCE_RESULTS, { error: '验收结论只能为 passed（通过）或 failed（未通过）' }),
      supplierCatalogue: z.boolean({ error: '请说明是否进入供应商目录' }),
      /**
       * 221号 to the letter (issue 16): 进入供应商目录, 继续深化合作 or 终止合作. Optional (derived from the other two
       * when absent); when given it must agree with `supplierCatalogue`.
       */
      outcome: z
        .enum(ACCEPTANCE_OUTCOME_KEYS, { error: '验收后合作只能为 supplier_catalogue、deepen 或 terminate' })
        .optional(),
      comment: text('验收意见', 1000, 1),
      /** The acceptance report (an upload of the issuer's enterprise). */
      report: attachmentRefSchema.optional(),
    })
    .refine((a) => !(a.result === 'failed' && a.supplierCatalogue), {
      path: ['supplierCatalogue'],
      message: '验收未通过的企业不能进入供应商目录',
    })
    .refine((a) => a.outcome === undefined || (a.outcome === 'supplier_catalogue') === a.supplierCatalogue, {
      path: ['outcome'],
      message: '验收后合作与是否进入供应商目录不一致',
    }))();
export type AcceptanceInput = z.infer<typeof acceptanceInputSchema>;

/** GET /v1/applications/{id}/feedback: the applicant's own result, after the decision. */
export const feedbackSchema = /* @__PURE__ */ (() =>
  z.object({
    applicationId: idOut,
    demandId: idOut,
    demandTitle: nameOut,
    status: z.enum(APPLICATION_STATUS_KEYS),
    weights: criteriaSchema,
    averages: criteriaSchema.nullable(),
    total: storableNumber().nullable(),
    reviewerCount: storableNumber().int(),
    threshold: z.object({
      /**
       * The lowest weighted total among the selected applicants (null for 流榜, when unscored, or when only one was
       * selected — see `selectedBand`).
       */
      lowestSelectedTotal: storableNumber().nullable(),
      selectedCount: storableNumber().int(),
      /**
       * With exactly one (scored) selected applicant, whose name is public, its exact total is not given: only the
       * 5-point band holding it, `from` ≤ total < `to` (the top band is 95–100 inclusive).
       */
      selectedBand: z.object({ from: storableNumber(), to: storableNumber() }).optional(),
    }),
    decidedAt: stampOut,
    /** Present only when the issuer chose to share comments; never names a reviewer. */
    comments: z.array(z.string().max(1000)).optional(),
    acceptance: acceptanceSchema.optional(),
  }))();
export type Feedback = z.infer<typeof feedbackSchema>;

export const acceptanceResultSchema = /* @__PURE__ */ (() =>
  z.object({
    applicationId: idOut,
    status: z.enum(APPLICATION_STATUS_KEYS),
    acceptance: acceptanceSchema,
    demandStatus: z.string(),
    /** Selected applicants still waiting for their acceptance. */
    acceptancePending: storableNumber().int(),
  }))();

/** POST /v1/demands/{id}/cooperation: the parties have signed; optional note for the timeline. */
export const cooperationInputSchema = /* @__PURE__ */ (() => z.strictObject({ note: text('说明', 500).optional() }))();

/** Name shown instead of an issuer that chose anonymity, in every list and export. */
export const ANONYMOUS_ISSUER = '匿名发榜企业';

/** One line of the public 揭榜名单 (GET /v1/campaigns/{year}/results): one selected applicant of one demand. */
export const resultLineSchema = /* @__PURE__ */ (() =>
  z.object({
    demandId: idOut,
    demandTitle: nameOut,
    field: z.enum(FIELD_KEYS),
    /** The issuer's name, or 匿名发榜企业. */
    issuerName: nameOut,
    orgName: nameOut,
    selectedAt: stampOut,
  }))();
export type ResultLine = z.infer<typeof resultLineSchema>;

/**
 * A selected SME as the authorities' lists name it (the list of selected SMEs, 揭榜企业与政策支持): its code, its
 * applicant class, its authority and its qualifications. Fields of an object, not a schema of their own.
 */
export const selectedSmeFields = () => ({
  creditCode: z.string().length(18),
  orgSize: z.enum(APPLICANT_CLASSES),
  authorityRegion: regionOut,
  qualifications: z.array(z.enum(QUALIFICATION_KEYS)),
});

/** One line of an authority's list of selected SMEs with their qualifications (policy support follows selection). */
export const selectedSmeLineSchema = /* @__PURE__ */ (() =>
  resultLineSchema.extend({
    applicationId: idOut,
    orgId: idOut,
    ...selectedSmeFields(),
    acceptance: z
      .object({
        result: z.enum(ACCEPTANCE_RESULTS),
        supplierCatalogue: z.boolean(),
        outcome: z.enum(ACCEPTANCE_OUTCOME_KEYS).optional(),
        recordedAt: stampOut,
      })
      .optional(),
  }))();
export type SelectedSmeLine = z.infer<typeof selectedSmeLineSchema>;

export const campaignYearParamsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    year: storable(z.coerce.number({ error: '年度应为数字' }), '年度')
      .int('年度应为整数')
      .min(2000, '年度不正确')
      .max(2100, '年度不正确'),
  }))();

export const selectedSmesQuerySchema = /* @__PURE__ */ (() =>
  listQuerySchema
    .extend({
      region: regionQuery(),
    })
    .strict())();

export const selectedSmesExportQuerySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    region: regionQuery(),
  }))();
