/**
 * The routes of the HTTP API with their schemas: handlers validate with them and `GET /v1/openapi.json` is
 * generated from them, so the document cannot drift from what the code accepts.
 */
import * as z from 'zod';
import {
  catalogueDetailSchema,
  catalogueItemSchema,
  errorBodySchema,
  healthResponseSchema,
  listQuerySchema,
  listResponseSchema,
  loginResponseSchema,
  meResponseSchema,
  wechatLoginRequestSchema,
} from '@jiebang/shared';
import { demandRoutes } from './specs/demands';

import { orgRoutes } from './specs/orgs';
import { applicationRoutes } from './specs/applications';
import { evaluationRoutes } from './specs/evaluation';
import { notificationRoutes } from './specs/notifications';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  auth: 'none' | 'optional' | 'required';
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response: z.ZodType;
  /** Status of a success answer (default 200). */
  status?: number;
  /** Error statuses this route may answer besides 400/500/503. */
  errors?: number[];
  /** Per-user limit (quality.md: submit routes): over it, 429 RATE_LIMITED with Retry-After. */
  rateLimit?: { bucket: string; perMinute: number };
}

const idParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'),
});

/** Core routes; each area adds its own module under `http/specs/` and spreads it into `routes` below. */
export const coreRoutes = {
  health: {
    method: 'GET',
    path: '/v1/health',
    summary: '健康检查：数据表可用时返回 ok',
    auth: 'none',
    response: healthResponseSchema,
  },
  openapi: {
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'OpenAPI 3 文档（由 zod 模式生成）',
    auth: 'none',
    response: z.object({ openapi: z.string() }).loose(),
  },
  wechatLogin: {
    method: 'POST',
    path: '/v1/auth/wechat-login',
    summary: '微信登录：以 wx.login 的 code 换取会话令牌',
    auth: 'none',
    body: wechatLoginRequestSchema,
    response: loginResponseSchema,
    errors: [401, 429, 502],
  },
  me: {
    method: 'GET',
    path: '/v1/me',
    summary: '当前用户及其所属企业',
    auth: 'required',
    response: meResponseSchema,
    errors: [401],
  },
  catalogueList: {
    method: 'GET',
    path: '/v1/catalogue',
    summary: '需求目录：已发布的需求，按发布时间倒序',
    auth: 'none',
    query: listQuerySchema.strict(), // filters (field, region, q, open) come with the catalogue issue
    response: listResponseSchema(catalogueItemSchema),
  },
  catalogueGet: {
    method: 'GET',
    path: '/v1/catalogue/{id}',
    summary: '需求目录中的一条需求（匿名发榜时不含企业信息）',
    auth: 'none',
    params: idParams,
    response: catalogueDetailSchema,
    errors: [404],
  },
} as const satisfies Record<string, RouteSpec>;

export const routes = {
  ...coreRoutes,
  ...demandRoutes,
  ...orgRoutes,
  ...applicationRoutes,
  ...evaluationRoutes,
  ...notificationRoutes,
} as const satisfies Record<string, RouteSpec>;

export { errorBodySchema };
