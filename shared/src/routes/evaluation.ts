/**
 * Routes of 遴选与验收: the issuer's evaluation (released applications, scores, ranking), the selection, the
 * applicants' feedback, cooperation and acceptance, and the 揭榜名单 with its exports. Spread into `routes` in
 * `../spec.ts`.
 */
import * as z from 'zod';
import {
  acceptanceInputSchema,
  acceptanceResultSchema,
  campaignYearParamsSchema,
  cooperationInputSchema,
  feedbackSchema,
  rankingQuerySchema,
  rankingSchema,
  releasedApplicationsSchema,
  scoreInputSchema,
  scoreSetSchema,
  selectedSmeLineSchema,
  selectedSmesExportQuerySchema,
  selectedSmesQuerySchema,
  selectionDecisionSchema,
  selectionInputSchema,
} from '../schemas/evaluation';
import { listQuerySchema } from '../schemas/common';
import { publicResultsSchema } from '../schemas/publicity';
import { conditionalGet, defineListRoute, defineRoute, xlsxResponse } from './define';

export const demandApplicationsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/demands/{id}/applications',
  summary: '发榜企业：本需求已提交评审（及已遴选）的揭榜申请，含已评人数与本人是否已评（仅发榜企业成员）',
  query: /* @__PURE__ */ listQuerySchema.strict(),
  response: releasedApplicationsSchema,
  errors: [403],
});

export const scoresPut = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/applications/{id}/scores',
  summary: '评审专家评分：团队水平、研发能力、攻关方案、与需求匹配度（0–100 整数）及意见；每位专家一套，遴选前可修改',
  body: scoreInputSchema,
  response: scoreSetSchema,
  errors: [403, 409],
});

export const scoresGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/applications/{id}/scores',
  summary: '本人对该申请的评分；发榜企业管理员另可看到全部评审专家的评分及意见（内部）',
  response: /* @__PURE__ */ (() =>
    z.object({
      mine: scoreSetSchema.nullable(),
      sets: z.array(scoreSetSchema),
      weights: z.object({ team: z.number(), capability: z.number(), plan: z.number(), match: z.number() }),
      editable: z.boolean(),
    }))(),
  errors: [403],
});

export const rankingGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/demands/{id}/ranking',
  summary: '评审排名：加权总分、各项平均分、评分人数（?sort=total|team|capability|plan|match|reviewers）',
  query: rankingQuerySchema,
  response: rankingSchema,
  errors: [403],
});

export const selectionCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/demands/{id}/selection',
  summary:
    '遴选决定（发榜企业管理员，揭榜截止后）：入选 1–2 家，或空列表表示流榜（须写明理由）。超过 2 家 SELECTION_LIMIT、截止前 ' +
    'DEADLINE_NOT_PASSED、非评审中的申请 NOT_SELECTABLE（422）；重复决定 ALREADY_DECIDED（409）',
  body: selectionInputSchema,
  response: selectionDecisionSchema,
  status: 201,
  errors: [403, 409, 422],
});

export const cooperationStart = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/demands/{id}/cooperation',
  summary: '确认与入选企业进入合作阶段（已遴选 → 合作中）',
  body: cooperationInputSchema,
  response: /* @__PURE__ */ (() => z.object({ demandId: z.string(), status: z.string(), version: z.number().int() }))(),
  errors: [403, 409],
});

export const feedbackGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/applications/{id}/feedback',
  summary: '揭榜企业查看本企业申请的评审反馈：各项平均分、加权总分、入选分数线（不含其他申请企业的信息）',
  response: feedbackSchema,
  errors: [409],
});

export const acceptanceCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/applications/{id}/acceptance',
  summary:
    '验收（发榜企业管理员）：passed / failed、是否纳入供应商目录、意见、可附验收报告；全部入选企业验收后需求完成',
  body: acceptanceInputSchema,
  response: acceptanceResultSchema,
  status: 201,
  errors: [403, 409],
});

export const resultsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/campaigns/{year}/results',
  summary:
    '公开的揭榜名单：需求、领域、入选企业、发榜企业（匿名发榜显示“匿名发榜企业”），公示期（noticePeriod，工作日）及每项结果的' +
    '公示状态（公示中 / 异议处理中 / 已确定 / 重新遴选）',
  auth: 'none',
  params: campaignYearParamsSchema,
  query: /* @__PURE__ */ listQuerySchema.strict(),
  // publicity (公示, issue 17): the period and each line's state.
  response: publicResultsSchema,
});

export const resultsExport = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/campaigns/{year}/results/export',
  summary: '揭榜名单导出为 .xlsx（匿名发榜企业不显示名称）',
  auth: 'none',
  params: campaignYearParamsSchema,
  response: xlsxResponse,
  // The ETag is the data's version: no change since the last download → 304, nothing read or built.
  steps: [/* @__PURE__ */ conditionalGet(0)],
});

export const selectedSmesList = /* @__PURE__ */ defineListRoute({
  path: '/v1/campaigns/{year}/selected-smes',
  summary: '主管部门：入选中小企业及其资质（省级为本辖区；工业和信息化部可按 ?region= 查看或查看全部）',
  params: campaignYearParamsSchema,
  query: selectedSmesQuerySchema,
  item: selectedSmeLineSchema,
  errors: [403],
});

export const selectedSmesExport = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/campaigns/{year}/selected-smes/export',
  summary: '主管部门：入选中小企业名单导出为 .xlsx',
  params: campaignYearParamsSchema,
  query: selectedSmesExportQuerySchema,
  response: xlsxResponse,
  errors: [403],
  // The ETag is the data's version: no change since the last download → 304, nothing read or built.
  steps: [/* @__PURE__ */ conditionalGet(0)],
});
