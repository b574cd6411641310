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
    objectType: z.enum(['demand', 'application', 'org', 'campaign', 'stats_report']),
    objectId: idOut,
    action: z.string(),
    fromStatus: z.string().optional(),
    toStatus: z.string().optional(),
    actor: actorSchema,
    comment: z.string().optional(),
    at: stampOut,
  }))();
export type AuditEvent = z.infer<typeof auditEventSchema>;
