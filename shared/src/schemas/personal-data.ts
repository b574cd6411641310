/** Personal data (PIPL, programmes.md §5): what the platform holds about a person, and the erasure receipt. */
import * as z from 'zod';
import { idOut, stampOut } from './common';

/**
 * The privacy notice's current version. Raising it asks everyone again at their next visit to 我的 (the
 * acceptance kept on the user names the version accepted).
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-01';

/** POST /v1/me/privacy: accept the notice of this version (only the current one). */
export const privacyAcceptSchema = /* @__PURE__ */ (() =>
  z.strictObject({ version: z.string({ error: '缺少隐私政策版本' }).max(20, '隐私政策版本过长') }))();

/** What GET /v1/me says about the notice: the current version and the one the user accepted, when. */
export const privacyStateSchema = /* @__PURE__ */ (() =>
  z.object({
    current: z.string().max(20),
    accepted: z.object({ version: z.string().max(20), acceptedAt: stampOut }).nullable(),
  }))();
export type PrivacyState = z.infer<typeof privacyStateSchema>;

/** The placeholder shown wherever an erased person used to be named. */
export const ERASED_USER_LABEL = '已注销用户';

/**
 * GET /v1/me/data: every item the platform holds about the caller, as stored (keys and index attributes left out).
 * Loose on purpose: it is a download of what is there, not a form.
 */
export const myDataResponseSchema = /* @__PURE__ */ (() =>
  z.object({
    generatedAt: stampOut,
    user: z.record(z.string(), z.unknown()),
    org: z.object({ id: idOut, name: z.string(), roles: z.array(z.string()) }).nullable(),
    notifications: z.array(z.record(z.string(), z.unknown())),
    consents: z.array(z.record(z.string(), z.unknown())),
    retention: z.array(z.object({ what: z.string(), kept: z.string() })),
  }))();
export type MyDataResponse = z.infer<typeof myDataResponseSchema>;

/** DELETE /v1/me: what was removed and what stays. */
export const eraseResponseSchema = /* @__PURE__ */ (() =>
  z.object({
    erasedAt: stampOut,
    removed: z.array(z.string()),
    kept: z.array(z.string()),
  }))();
export type EraseResponse = z.infer<typeof eraseResponseSchema>;
