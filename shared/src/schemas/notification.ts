import * as z from 'zod';

/**
 * An in-app notification, written in the same transaction as the state change that causes it (outbox). It is
 * addressed to a principal: `user:<id>`, `org:<orgId>` (every member), `authority:<regionCode>`, `ministry`.
 */
export const notificationSchema = z.object({
  id: z.string(),
  to: z.string().regex(/^(user:.+|org:.+|authority:\d{6}|ministry|admin)$/),
  kind: z.string(),
  title: z.string().max(40),
  body: z.string().max(500),
  /** Where the client should open ("/pages/...?id=…"). */
  link: z.string().optional(),
  objectType: z.enum(['demand', 'application', 'org', 'campaign']).optional(),
  objectId: z.string().optional(),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).optional(),
});
export type Notification = z.infer<typeof notificationSchema>;
