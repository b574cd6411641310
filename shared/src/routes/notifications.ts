/**
 * Routes of the notifications area: the inbox, WeChat subscribe consents, and failed deliveries for the admin.
 * Each route is one named export (see ./define.ts).
 */
import {
  failedNotificationSchema,
  inboxItemSchema,
  inboxQuerySchema,
  inboxResponseSchema,
  readAllInputSchema,
  readAllResultSchema,
  subscriptionInputSchema,
  subscriptionSchema,
  subscriptionTemplatesSchema,
  unreadCountSchema,
} from '../schemas/notification';
import { defineListRoute, defineRoute, rateLimit } from './define';

export const notificationsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/notifications',
  summary:
    '我的消息：本人、本企业及所在主管部门收到的通知，按时间倒序（unread=1 只看未读；kind 只看一类：todo 待办、applications 申请与评审、events 活动、publicity 公示与异议）',
  query: inboxQuerySchema,
  response: inboxResponseSchema,
});

export const notificationsUnreadCount = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/notifications/unread-count',
  summary: '未读消息数（超过 99 时 capped 为 true）',
  response: unreadCountSchema,
});

export const notificationsRead = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/notifications/{id}/read',
  summary: '标记为已读（仅收件人；发给企业或主管部门的通知，一人读过即对全体成员为已读）',
  response: inboxItemSchema,
});

export const notificationsReadAll = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/notifications/read-all',
  summary: '全部标为已读（upTo：截至这条及更早的；每次至多 200 条，more 为 true 时再调用一次）',
  auth: 'required',
  body: readAllInputSchema,
  response: readAllResultSchema,
  errors: [401],
});

export const subscriptionsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/subscriptions',
  summary: '记录一次微信订阅消息授权（一次授权 = 一条消息）；带 demandId 时同时关注该需求的截止提醒',
  body: subscriptionInputSchema,
  response: subscriptionSchema,
  status: 201,
  errors: [403, 404],
  steps: [/* @__PURE__ */ rateLimit('subscriptions')],
});

export const subscriptionsTemplates = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/subscriptions/templates',
  summary: '订阅消息模板（wx.requestSubscribeMessage 所需的模板编号）',
  auth: 'none',
  response: subscriptionTemplatesSchema,
});

export const adminNotificationsFailed = /* @__PURE__ */ defineListRoute({
  path: '/v1/admin/notifications/failed',
  summary: '投递失败的通知（平台管理员）',
  item: failedNotificationSchema,
  errors: [403],
});
