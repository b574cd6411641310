import * as z from 'zod';
import { idOut, nameOut, stampOut } from './common';

/** Who acted: enough to show "广东省中小企业主管部门 退回" in a timeline without another read. */
export const actorSchema = /* @__PURE__ */ (() =>
  z.object({
    userId: idOut,
    /** The role the action was taken in: `ministry`, `province:<code>`, `org_admin`, `reviewer`, `system`… */
    role: z.string(),
    orgId: idOut.optional(),
    /** Display name of the acting body (authority or enterprise), not of the person. */
    name: nameOut.optional(),
  }))();
export type Actor = z.infer<typeof actorSchema>;

/** One entry of an object's append-only audit trail (who, when, what, why). */
export const auditEventSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    // achievement, interest: library area (issue 15)
    objectType: z.enum([
      'demand',
      'application',
      'org',
      'campaign',
      'department',
      'event',
      'stats_report',
      'achievement',
      'interest',
      // publicity (公示): an objection's own trail (never readable by the issuer)
      'objection',
    ]),
    objectId: idOut,
    action: z.string(),
    fromStatus: z.string().optional(),
    toStatus: z.string().optional(),
    actor: actorSchema,
    comment: z.string().optional(),
    at: stampOut,
    /** Tamper-evident chain (programmes.md §5): place in the object's trail (from 1), previous and own SHA-256. */
    seq: z.number().int().optional(),
    prevHash: z.string().max(64).optional(),
    hash: z.string().max(64).optional(),
  }))();
export type AuditEvent = z.infer<typeof auditEventSchema>;

// trust (audit chain): GET /v1/audit/{type}/{id} and …/verify

/** The kinds of object that keep an audit trail. */
export const AUDITED_TYPES = [
  'demand',
  'application',
  'org',
  'campaign',
  // events (百场万企): the event's trail, with its registrations, pre-match list, meetings, check-ins and outcomes
  'event',
] as const;
export type AuditedType = (typeof AUDITED_TYPES)[number];

/** GET /v1/audit/{type}/{id}: the object's events, oldest first, each with its place and hashes. */
export const auditTrailSchema = /* @__PURE__ */ (() =>
  z.object({
    objectType: z.enum(AUDITED_TYPES),
    objectId: idOut,
    events: z.array(auditEventSchema),
  }))();
export type AuditTrail = z.infer<typeof auditTrailSchema>;

/** One place where a trail does not hold: which event (by its place), what is wrong, in words. */
export const chainBreakSchema = /* @__PURE__ */ (() =>
  z.object({
    seq: z.number().int(),
    eventId: idOut.optional(),
    reason: z.enum(['altered', 'missing', 'out_of_order', 'head_mismatch', 'chain_missing', 'anchor_mismatch']),
    message: z.string().max(200),
  }))();
export type ChainBreakView = z.infer<typeof chainBreakSchema>;

/** GET /v1/audit/{type}/{id}/verify */
export const auditVerdictSchema = /* @__PURE__ */ (() =>
  z.object({
    ok: z.boolean(),
    length: z.number().int(),
    /** SHA-256 of the last event (64 zeros for an empty trail). */
    head: z.string().max(64),
    breaks: z.array(chainBreakSchema),
    /** The last day (Shanghai) whose platform-chain link covers this object, when one does. */
    anchoredDay: z.string().max(10).optional(),
  }))();
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;
