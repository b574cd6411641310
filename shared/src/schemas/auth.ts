import * as z from 'zod';
import { idOut, nameOut, regionOut, stampOut } from './common';
import { privacyStateSchema } from './personal-data';

export const wechatLoginRequestSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    code: z.string({ error: '缺少登录凭证 code' }).min(1, '缺少登录凭证 code').max(128, '登录凭证过长'),
  }))();

/**
 * Roles: `ministry`, `admin`, `province:<regionCode>`, `department:<key>` (相关司局, issue 16) for authorities; enterprise roles `org_admin`,
 * `org_member`, `reviewer` (scoped to the user's orgId).
 */
export const roleSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .regex(/^(ministry|admin|province:\d{6}|department:[a-z0-9_]+|org_admin|org_member|reviewer|tech_manager)$/))();

export const sessionUserSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    roles: z.array(roleSchema),
    orgId: idOut.nullable(),
  }))();
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = /* @__PURE__ */ (() =>
  z.object({
    token: z.string(),
    expiresAt: stampOut,
    user: sessionUserSchema,
  }))();
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const orgSummarySchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    kind: z.enum(['large', 'sme', 'university', 'institute', 'service']),
    name: nameOut,
    region: regionOut,
    size: z.enum(['large', 'medium', 'small', 'micro']).optional(),
  }))();

export const meResponseSchema = /* @__PURE__ */ (() =>
  z.object({
    user: sessionUserSchema.extend({ displayName: z.string().optional() }),
    org: orgSummarySchema.nullable(),
    /** pipl: the privacy notice's current version and the user's acceptance (absent from older servers). */
    privacy: privacyStateSchema.optional(),
  }))();
export type MeResponse = z.infer<typeof meResponseSchema>;
