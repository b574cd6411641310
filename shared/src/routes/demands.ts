/**
 * Routes of 发榜: campaigns, the demand form and its lifecycle, the authorities' review.
 * Each route is one named export (see ./define.ts).
 */
import { campaignInputSchema, campaignSchema } from '../schemas/campaign';
import {
  demandDetailSchema,
  demandInputSchema,
  demandReviewSchema,
  demandSchema,
  demandSubmitSchema,
  demandSummarySchema,
  demandUpdateSchema,
  demandWithdrawSchema,
  myDemandsQuerySchema,
} from '../schemas/demand';
import { demandReviewQueueQuerySchema, demandReviewQueueSchema } from '../schemas/review-queue';
import { defineListRoute, defineRoute, rateLimit } from './define';

export const campaignsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/campaigns',
  summary: '设置年度发榜工作（工业和信息化部）',
  body: campaignInputSchema,
  response: campaignSchema,
  status: 201,
  errors: [403, 409],
});

export const campaignsCurrent = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/campaigns/current',
  summary: '当前年度发榜工作及其截止时间',
  auth: 'none',
  response: campaignSchema,
  errors: [404],
});

export const demandsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/demands',
  summary: '填写需求表（草稿）；揭榜截止时间默认为年度截止时间，可提前不可推后',
  body: demandInputSchema,
  response: demandSchema,
  status: 201,
  errors: [403, 422],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const demandsList = /* @__PURE__ */ defineListRoute({
  path: '/v1/demands',
  summary: '本企业的需求（mine=1），按创建时间倒序',
  query: myDemandsQuerySchema,
  item: demandSummarySchema,
  errors: [403],
});

export const demandsGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/demands/{id}',
  summary: '需求详情及审核时间线（发榜企业成员、所属省级主管部门、工业和信息化部可见）',
  response: demandDetailSchema,
});

export const demandsUpdate = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/demands/{id}',
  summary: '修改需求表（仅草稿或已退回）；可带 version 防止覆盖他人修改',
  body: demandUpdateSchema,
  response: demandSchema,
  errors: [409],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const demandsSubmit = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/demands/{id}/submit',
  summary:
    '报送需求：province 报省级主管部门初核，ministry 直接报工业和信息化部（可带 Idempotency-Key：重放返回首次结果且不再写入）',
  body: demandSubmitSchema,
  response: demandSchema,
  errors: [409, 422],
  steps: [/* @__PURE__ */ rateLimit('submit')],
});

export const demandsWithdraw = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/demands/{id}/withdraw',
  summary: '撤回需求（遴选前），撤回理由在需求目录中公开',
  body: demandWithdrawSchema,
  response: demandSchema,
  errors: [409],
});

export const reviewDemandsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/review/demands',
  summary:
    '待审核需求队列（省级：本地区待初核；工业和信息化部：转报及直报待审核），按报送时间正序，附总数；tab=done 为本单位已审（新的在前）；可按 region、field 筛选，q 搜索标题',
  query: demandReviewQueueQuerySchema,
  response: demandReviewQueueSchema,
  errors: [403],
});

export const reviewDemandsDecide = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/review/demands/{id}',
  summary: '审核需求：省级 forward/return，工业和信息化部 publish/return/reject；退回和不予发布须填写理由',
  body: demandReviewSchema,
  response: demandSchema,
  errors: [403, 409, 422],
});
