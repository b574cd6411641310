/** Routes every area relies on: health, the OpenAPI document, sign-in and the current user. */
import * as z from 'zod';
import { loginResponseSchema, meResponseSchema, wechatLoginRequestSchema } from '../schemas/auth';
import { healthResponseSchema } from '../schemas/common';
import { defineRoute, rateLimit } from './define';

export const health = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/health',
  summary: '健康检查：数据表可用时返回 ok',
  auth: 'none',
  response: healthResponseSchema,
});

export const openapi = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/openapi.json',
  summary: 'OpenAPI 3 文档（由 zod 模式生成）',
  auth: 'none',
  response: /* @__PURE__ */ z.object({ openapi: z.string() }).loose(),
});

export const wechatLogin = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/auth/wechat-login',
  summary: '微信登录：以 wx.login 的 code 换取会话令牌',
  auth: 'none',
  body: wechatLoginRequestSchema,
  response: loginResponseSchema,
  errors: [502],
  steps: [/* @__PURE__ */ rateLimit('login')],
});

export const me = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/me',
  summary: '当前用户及其所属企业',
  response: meResponseSchema,
});
