/**
 * Routes of 发榜: campaigns, the demand form and its lifecycle, the authorities' review, and the catalogue's
 * filters. Spread into `routes` in `../spec.ts`.
 */
import * as z from 'zod';
import {
  campaignInputSchema,
  campaignSchema,
  catalogueItemSchema,
  catalogueQuerySchema,
  demandDetailSchema,
  demandInputSchema,
  demandReviewSchema,
  demandSchema,
  demandSubmitSchema,
  demandSummarySchema,
  demandUpdateSchema,
  demandWithdrawSchema,
  listQuerySchema,
  listResponseSchema,
  myDemandsQuerySchema,
  reviewQueueSchema,
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

export const demandRoutes = {
  // Replaces the core route of the same name: the catalogue's filters come with this area.
  catalogueList: {
    method: 'GET',
    path: '/v1/catalogue',
    summary: '需求目录：已发布的需求，按发布时间倒序；可按领域、地区、是否可揭榜筛选及关键词搜索（q，至少 2 个字）',
    auth: 'none',
    query: listQuerySchema.extend(catalogueQuerySchema.shape).strict(),
    response: listResponseSchema(catalogueItemSchema),
  },
  campaignsCreate: {
    method: 'POST',
    path: '/v1/campaigns',
    summary: '设置年度发榜工作（工业和信息化部）',
    auth: 'required',
    body: campaignInputSchema,
    response: campaignSchema,
    status: 201,
    errors: [401, 403, 409],
  },
  campaignsCurrent: {
    method: 'GET',
    path: '/v1/campaigns/current',
    summary: '当前年度发榜工作及其截止时间',
    auth: 'none',
    response: campaignSchema,
    errors: [404],
  },
  demandsCreate: {
    method: 'POST',
    path: '/v1/demands',
    summary: '填写需求表（草稿）；揭榜截止时间默认为年度截止时间，可提前不可推后',
    auth: 'required',
    body: demandInputSchema,
    response: demandSchema,
    status: 201,
    errors: [401, 403, 422],
  },
  demandsList: {
    method: 'GET',
    path: '/v1/demands',
    summary: '本企业的需求（mine=1），按创建时间倒序',
    auth: 'required',
    query: myDemandsQuerySchema,
    response: listResponseSchema(demandSummarySchema),
    errors: [401, 403],
  },
  demandsGet: {
    method: 'GET',
    path: '/v1/demands/{id}',
    summary: '需求详情及审核时间线（发榜企业成员、所属省级主管部门、工业和信息化部可见）',
    auth: 'required',
    params: idParams,
    response: demandDetailSchema,
    errors: [401, 404],
  },
  demandsUpdate: {
    method: 'PUT',
    path: '/v1/demands/{id}',
    summary: '修改需求表（仅草稿或已退回）；可带 version 防止覆盖他人修改',
    auth: 'required',
    params: idParams,
    body: demandUpdateSchema,
    response: demandSchema,
    errors: [401, 404, 409],
  },
  demandsSubmit: {
    method: 'POST',
    path: '/v1/demands/{id}/submit',
    summary:
      '报送需求：province 报省级主管部门初核，ministry 直接报工业和信息化部（可带 Idempotency-Key：重放返回首次结果且不再写入）',
    auth: 'required',
    params: idParams,
    body: demandSubmitSchema,
    response: demandSchema,
    errors: [401, 404, 409, 422, 429],
    rateLimit: SUBMIT_RATE_LIMIT,
  },
  demandsWithdraw: {
    method: 'POST',
    path: '/v1/demands/{id}/withdraw',
    summary: '撤回需求（遴选前），撤回理由在需求目录中公开',
    auth: 'required',
    params: idParams,
    body: demandWithdrawSchema,
    response: demandSchema,
    errors: [401, 404, 409],
  },
  reviewDemandsList: {
    method: 'GET',
    path: '/v1/review/demands',
    summary: '待审核需求队列（省级：本地区待初核；部里：转报及直报待审核），按报送时间正序，附总数',
    auth: 'required',
    query: listQuerySchema.strict(),
    response: reviewQueueSchema,
    errors: [401, 403],
  },
  reviewDemandsDecide: {
    method: 'POST',
    path: '/v1/review/demands/{id}',
    summary: '审核需求：省级 forward/return，部里 publish/return/reject；退回和不予发布须填写理由',
    auth: 'required',
    params: idParams,
    body: demandReviewSchema,
    response: demandSchema,
    errors: [401, 403, 404, 409, 422],
  },
} as const satisfies Record<string, RouteSpec>;
