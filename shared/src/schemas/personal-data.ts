/** Personal data (PIPL, programmes.md §5): what the platform holds about a person, and the erasure receipt. */
import * as z from 'zod';
import { idOut, stampOut } from './common';

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
