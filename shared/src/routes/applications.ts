/**
 * Routes of 揭榜: the application form and its lifecycle, and the authorities' pre-review. Spread into `routes` in
 * `../spec.ts`.
 */
import {
  applicationInputSchema,
  applicationReviewSchema,
  applicationSchema,
  applicationSummarySchema,
  applicationUpdateSchema,
  myApplicationsQuerySchema,
  withdrawInputSchema,
} from '../schemas/application';
import { applicationReviewQueueQuerySchema, applicationReviewQueueSchema } from '../schemas/review-queue';
import { defineListRoute, defineRoute, rateLimit } from './define';

export const applicationsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/demands/{id}/applications',
  summary: '创建揭榜申请书草稿（中小企业成员；需求须已发布且在揭榜期内）',
  body: applicationInputSchema,
  response: applicationSchema,
  status: 201,
  errors: [403, 422],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const applicationsGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/applications/{id}',
  summary: '揭榜申请书（本企业；提交后所属主管部门；转报后工业和信息化部；发布评审后发榜企业）',
  response: applicationSchema,
});

export const applicationsUpdate = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/applications/{id}',
  summary: '修改草稿或被退回的申请书（带读取时的 version）',
  body: applicationUpdateSchema,
  response: applicationSchema,
  errors: [403, 409],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const applicationsListMine = /* @__PURE__ */ defineListRoute({
  path: '/v1/applications',
  summary: '本企业的揭榜申请（?mine=1），按创建时间倒序',
  query: myApplicationsQuerySchema,
  item: applicationSummarySchema,
});

export const applicationsSubmit = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/applications/{id}/submit',
  summary:
    '提交揭榜申请（可带 Idempotency-Key：重放返回首次结果且不再写入）。自动拒绝：非中小企业 NOT_SME、发榜企业关联企业或控股股东为发榜企业 ' +
    'AFFILIATED_WITH_ISSUER、已过揭榜截止时间 DEADLINE_PASSED、未上传盖章扫描件 ATTACHMENT_REQUIRED（422）；同一需求重复揭榜 DUPLICATE_APPLICATION（409）',
  response: applicationSchema,
  errors: [403, 409, 422],
  steps: [/* @__PURE__ */ rateLimit('submit')],
});

export const applicationsWithdraw = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/applications/{id}/withdraw',
  summary: '撤回揭榜申请（遴选前）',
  body: withdrawInputSchema,
  response: applicationSchema,
  errors: [403, 409],
});

export const reviewApplicationsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/review/applications',
  summary:
    '待审核的揭榜申请：省级主管部门为本辖区企业已提交的申请，工业和信息化部为已转报的申请（先到先审）；tab=done 为本单位已审（新的在前）；可按 region、需求的 field（领域）与 channel（需求报送渠道）、since 筛选，q 搜索需求标题或企业名称',
  query: applicationReviewQueueQuerySchema,
  response: applicationReviewQueueSchema,
  errors: [403],
});

export const reviewApplicationsDecide = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/review/applications/{id}',
  summary:
    '审核揭榜申请：省级主管部门 forward（转报）/ return（退回，须填原因）；工业和信息化部 release（提交发榜企业评审）',
  body: applicationReviewSchema,
  response: applicationSchema,
  errors: [403, 409],
});
