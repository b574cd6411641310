/**
 * Routes of 揭榜: the application form and its lifecycle, and the authorities' pre-review. Spread into `routes` in
 * `../spec.ts`.
 */
import * as z from 'zod';
import {
  applicationInputSchema,
  applicationReviewSchema,
  applicationSchema,
  applicationSummarySchema,
  applicationUpdateSchema,
  listQuerySchema,
  listResponseSchema,
  myApplicationsQuerySchema,
  withdrawInputSchema,
} from '@jiebang/shared';
import { SUBMIT_RATE_LIMIT } from '../limits';
import type { RouteSpec } from '../spec';

const idParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'),
});

export const applicationRoutes = {
  applicationsCreate: {
    method: 'POST',
    path: '/v1/demands/{id}/applications',
    summary: '创建揭榜申请书草稿（中小企业成员；需求须已发布且在揭榜期内）',
    auth: 'required',
    params: idParams,
    body: applicationInputSchema,
    response: applicationSchema,
    status: 201,
    errors: [401, 403, 404, 422],
  },
  applicationsGet: {
    method: 'GET',
    path: '/v1/applications/{id}',
    summary: '揭榜申请书（本企业；提交后所属主管部门；转报后工业和信息化部；发布评审后发榜企业）',
    auth: 'required',
    params: idParams,
    response: applicationSchema,
    errors: [401, 404],
  },
  applicationsUpdate: {
    method: 'PUT',
    path: '/v1/applications/{id}',
    summary: '修改草稿或被退回的申请书（带读取时的 version）',
    auth: 'required',
    params: idParams,
    body: applicationUpdateSchema,
    response: applicationSchema,
    errors: [401, 403, 404, 409],
  },
  applicationsListMine: {
    method: 'GET',
    path: '/v1/applications',
    summary: '本企业的揭榜申请（?mine=1），按创建时间倒序',
    auth: 'required',
    query: myApplicationsQuerySchema,
    response: listResponseSchema(applicationSummarySchema),
    errors: [401],
  },
  applicationsSubmit: {
    method: 'POST',
    path: '/v1/applications/{id}/submit',
    summary:
      '提交揭榜申请（可带 Idempotency-Key：重放返回首次结果且不再写入）。自动拒绝：非中小企业 NOT_SME、发榜企业关联企业或控股股东为发榜企业 ' +
      'AFFILIATED_WITH_ISSUER、已过揭榜截止时间 DEADLINE_PASSED、未上传盖章扫描件 ATTACHMENT_REQUIRED（422）；同一需求重复揭榜 DUPLICATE_APPLICATION（409）',
    auth: 'required',
    params: idParams,
    response: applicationSchema,
    errors: [401, 403, 404, 409, 422, 429],
    rateLimit: SUBMIT_RATE_LIMIT,
  },
  applicationsWithdraw: {
    method: 'POST',
    path: '/v1/applications/{id}/withdraw',
    summary: '撤回揭榜申请（遴选前）',
    auth: 'required',
    params: idParams,
    body: withdrawInputSchema,
    response: applicationSchema,
    errors: [401, 403, 404, 409],
  },
  reviewApplicationsList: {
    method: 'GET',
    path: '/v1/review/applications',
    summary: '待审核的揭榜申请：省级主管部门为本辖区企业已提交的申请，工业和信息化部为已转报的申请（先到先审）',
    auth: 'required',
    query: listQuerySchema.strict(),
    response: listResponseSchema(applicationSummarySchema),
    errors: [401, 403],
  },
  reviewApplicationsDecide: {
    method: 'POST',
    path: '/v1/review/applications/{id}',
    summary:
      '审核揭榜申请：省级主管部门 forward（转报）/ return（退回，须填原因）；工业和信息化部 release（提交发榜企业评审）',
    auth: 'required',
    params: idParams,
    body: applicationReviewSchema,
    response: applicationSchema,
    errors: [401, 403, 404, 409],
  },
} as const satisfies Record<string, RouteSpec>;
