import * as z from 'zod';

/** Who acted: enough to show "广东省中小企业主管部门 退回" in a timeline without another read. */
export const actorSchema = /* @__PURE__ */ (() =>
  z.object({
    userId: z.string(),
    /** The role the action was taken in: `ministry`, `province:<code>`, `org_admin`, `reviewer`, `system`… */
    role: z.string(),
    orgId: z.string().optional(),
    /** Display name of the acting body (authority or enterprise), not of the person. */
    name: z.string().optional(),
  }))();
export type Actor = z.infer<typeof actorSchema>;

/** One entry of an object's append-only audit trail (who, when, what, why). */
export const auditEventSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string(),
    objectType: z.enum(['demand', 'application', 'org', 'campaign']),
    objectId: z.string(),
    action: z.string(),
    fromStatus: z.string().optional(),
    toStatus: z.string().optional(),
    actor: actorSchema,
    comment: z.string().optional(),
    at: z.iso.datetime({ offset: true }),
  }))();
export type AuditEvent = z.infer<typeof auditEventSchema>;
