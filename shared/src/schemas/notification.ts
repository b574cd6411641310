import * as z from 'zod';
import { idOut, stampOut, storable, storableNumber } from './common';
import { INBOX_TAB_KEYS } from '../rules/inbox';

/**
 * An in-app notification, written in the same transaction as the state change that causes it (outbox). It is
 * addressed to a principal: `user:<id>`, `org:<orgId>` (every member), `authority:<regionCode>`, `ministry`.
 */
export const notificationSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    to: z.string().regex(/^(user:.+|org:.+|authority:\d{6}|department:[a-z0-9_]+|ministry|admin)$/),
    kind: z.string(),
    title: z.string().max(40),
    body: z.string().max(500),
    /** Where the client should open ("/pages/...?id=…"). */
    link: z.string().optional(),
    // 'interest': 科技成果赋智 (library area)
    objectType: z.enum(['demand', 'application', 'org', 'campaign', 'event', 'interest']).optional(),
    objectId: idOut.optional(),
    createdAt: stampOut,
    readAt: stampOut.optional(),
  }))();
export type Notification = z.infer<typeof notificationSchema>;

/**
 * WeChat subscribe-message templates the platform uses. The WeChat template ids come from configuration
 * (functions' config: WECHAT_TEMPLATE_<KEY>); the client asks `GET /v1/subscriptions/templates` for them.
 */
export const TEMPLATE_KEYS = ['deadline_reminder', 'status_update', 'review_todo'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** `POST /v1/subscriptions`: one one-time consent given by the user's tap (one consent = one message). */
export const subscriptionInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    templateKey: z.enum(TEMPLATE_KEYS, { error: '未知的订阅消息类型' }),
    /** "提醒我" on a demand: also watch the demand for its deadline reminders. */
    demandId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确')
      .optional(),
  }))();
export type SubscriptionInput = z.infer<typeof subscriptionInputSchema>;

export const subscriptionSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    templateKey: z.enum(TEMPLATE_KEYS),
    demandId: idOut.optional(),
    status: z.enum(['unused', 'sending', 'used', 'refused', 'unknown']),
    createdAt: stampOut,
    /** True when the demand is watched for deadline reminders. */
    watching: z.boolean(),
  }))();
export type Subscription = z.infer<typeof subscriptionSchema>;

export const subscriptionTemplatesSchema = /* @__PURE__ */ (() =>
  z.object({
    templates: z.array(z.object({ key: z.enum(TEMPLATE_KEYS), templateId: z.string() })),
  }))();

/** One inbox entry as the recipient sees it. */
export const inboxItemSchema = /* @__PURE__ */ (() => notificationSchema.extend({ read: z.boolean() }))();
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxQuerySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    limit: storable(z.coerce.number(), '每页条数').int().min(1).max(50).default(20),
    cursor: z.string().max(200).optional(),
    unread: z.enum(['1']).optional(),
    /** One of the inbox's tabs (issue 18): only its messages, the page filled from older ones. */
    kind: z
      .enum(INBOX_TAB_KEYS, {
        error: '消息分类只能为 todo（待办）、applications（申请与评审）、events（活动）或 publicity（公示与异议）',
      })
      .optional(),
  }))();

export const inboxResponseSchema = /* @__PURE__ */ (() =>
  z.object({
    items: z.array(inboxItemSchema),
    nextCursor: z.string().nullable(),
  }))();

/** Unread entries over the caller's principals; counting stops at `UNREAD_CAP` (shown as "99+"). */
export const unreadCountSchema = /* @__PURE__ */ (() =>
  z.object({ unread: storableNumber().int(), capped: z.boolean() }))();
export const UNREAD_CAP = 99;

/**
 * `POST /v1/notifications/read-all` (issue 18): mark the caller's unread notifications read, those up to `upTo` (the
 * newest one the user saw; one that arrived after it stays unread) or all of them. Bounded work per call: `more`
 * says some remain (the client calls again).
 */
export const readAllInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    upTo: z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '消息编号格式不正确')
      .optional(),
  }))();
export const readAllResultSchema = /* @__PURE__ */ (() =>
  z.object({ marked: storableNumber().int(), more: z.boolean() }))();
/** Unread entries marked per call at most, over all the caller's principals. */
export const READ_ALL_BATCH = 200;

/** A notification the dispatcher gave up on (admin view). */
export const failedNotificationSchema = /* @__PURE__ */ (() =>
  notificationSchema.extend({
    attempts: storableNumber().int(),
    failedAt: stampOut,
    lastError: z.string().optional(),
  }))();
