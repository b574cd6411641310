/**
 * 百场万企 matchmaking events: the organiser's event and console, the public calendar, registrations with the
 * pass, the 预对接企业名单, 1:1 meetings in slots, check-in, outcomes and the export (api.md "Routes added in the
 * second wave"). Each route is one named export (see ./define.ts).
 */
import * as z from 'zod';
import {
  checkInInputSchema,
  checkInResultSchema,
  eventCalendarQuerySchema,
  eventCancelSchema,
  eventCardSchema,
  eventInputSchema,
  eventSchema,
  meetingDecisionSchema,
  meetingInputSchema,
  meetingSchema,
  myRegistrationItemSchema,
  myRegistrationSchema,
  outcomeInputSchema,
  outcomeSchema,
  prematchFixSchema,
  prematchQuerySchema,
  prematchSchema,
  registrantSchema,
  registrationDecisionSchema,
  registrationInputSchema,
  registrationSchema,
} from '../schemas/event';
import { conditionalGet, defineListRoute, defineRoute, rateLimit, xlsxResponse } from './define';

export const eventsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/events',
  summary: '主管部门创建“百场万企”对接活动（草稿）；协办单位按名称记录',
  body: eventInputSchema,
  response: eventSchema,
  status: 201,
  errors: [403],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const eventsPublish = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/events/{id}/publish',
  summary: '发布活动：进入公开活动日历，开放报名至报名截止时间（主办部门）',
  response: eventSchema,
  errors: [409, 422],
});

export const eventsCancel = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/events/{id}/cancel',
  summary: '取消活动（主办部门，须填写原因）：通知每一家报名企业；取消的活动及其报名、洽谈、对接成果不再计入统计',
  body: eventCancelSchema,
  response: eventSchema,
  errors: [409],
});

/** max-age 30 s like the catalogue: a newly published event shows within half a minute. */
export const eventsList = /* @__PURE__ */ defineListRoute({
  path: '/v1/events',
  summary: '活动日历（公开）：可按地区、产业链、活动类型筛选；upcoming=1 只看未开始的活动，按开始时间先后',
  auth: 'none',
  filters: eventCalendarQuerySchema,
  item: eventCardSchema,
  steps: [/* @__PURE__ */ conditionalGet(30)],
});

export const eventsGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/events/{id}',
  summary: '一场活动（已发布或已取消的公开；草稿仅主办部门可见）',
  auth: 'optional',
  response: eventSchema,
  steps: [/* @__PURE__ */ conditionalGet(30)],
});

export const eventsOrganised = /* @__PURE__ */ defineListRoute({
  path: '/v1/organiser/events',
  summary: '本部门主办的活动（含草稿），新建的在前',
  item: eventSchema,
  errors: [403],
});

export const registrationsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/events/{id}/registrations',
  summary:
    '企业报名：大企业以 host 身份发布需求（可关联已发布的需求），其他企业和机构以 participant 身份报名；每家企业每场一次，待主办部门审核',
  body: registrationInputSchema,
  response: registrationSchema,
  status: 201,
  errors: [403, 409, 422],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const registrationsDecide = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/events/{id}/registrations/{regId}',
  summary: '审核报名（主办部门）：通过（名额已满时 409 CAPACITY_FULL）或不通过（须填写原因）',
  body: registrationDecisionSchema,
  response: registrationSchema,
  errors: [409],
});

export const registrationsList = /* @__PURE__ */ defineListRoute({
  path: '/v1/events/{id}/registrations',
  summary: '报名名单（主办部门）',
  item: registrationSchema,
});

export const registrationsMine = /* @__PURE__ */ defineListRoute({
  path: '/v1/registrations',
  summary: '我的活动：本企业的报名，活动时间近的在前',
  item: myRegistrationItemSchema,
});

export const registrationGetMine = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/events/{id}/registration',
  summary: '本企业在这场活动的报名：参会凭证（签到二维码）、预对接企业、洽谈安排和对接成果',
  response: myRegistrationSchema,
});

export const eventDirectory = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/events/{id}/directory',
  summary: '参会企业名录（已通过审核的报名企业可见；不含联系方式，洽谈被接受后才交换）',
  response: /* @__PURE__ */ (() => z.object({ items: z.array(registrantSchema) }))(),
});

export const prematchGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/events/{id}/prematch',
  summary:
    '预对接企业名单（主办部门）：已确定的名单；未确定（或 suggest=1）时为平台按领域/产业链、关键词、地区、专精特新资质计算的建议，每对附理由',
  query: prematchQuerySchema,
  response: prematchSchema,
});

export const prematchPut = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/events/{id}/prematch',
  summary: '确定预对接企业名单（主办部门）：名单中的双方收到通知，可以预约洽谈',
  body: prematchFixSchema,
  response: prematchSchema,
  errors: [409, 422],
});

export const meetingsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/events/{id}/meetings',
  summary: '预约一对一洽谈（双方均已通过审核；时段在活动时间内并按洽谈时段对齐）',
  body: meetingInputSchema,
  response: meetingSchema,
  status: 201,
  errors: [409, 422],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const meetingsDecide = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/meetings/{id}',
  summary:
    '接受或婉拒洽谈（被预约方）；任何一方在同一时段只能有一场已接受的洽谈（409 SLOT_TAKEN）；活动已取消（409 EVENT_NOT_OPEN）',
  body: meetingDecisionSchema,
  response: meetingSchema,
  errors: [409],
});

export const eventsCheckIn = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/events/{id}/check-in',
  summary: '现场签到（主办部门扫描参会凭证二维码）：每个签到码只能使用一次（409 ALREADY_CHECKED_IN）',
  body: checkInInputSchema,
  response: checkInResultSchema,
  errors: [409],
});

export const outcomesCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/events/{id}/outcomes',
  summary: '登记对接成果（合作意向、合作协议、签约合同及金额）：由对方确认后计入统计',
  body: outcomeInputSchema,
  response: outcomeSchema,
  status: 201,
  errors: [422],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const outcomesConfirm = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/outcomes/{id}/confirm',
  summary: '确认对方登记的对接成果（只计一次）；活动已取消（409 EVENT_NOT_OPEN）',
  response: outcomeSchema,
  errors: [409],
});

export const eventsExport = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/events/{id}/export',
  summary: '导出活动数据 .xlsx（主办部门）：报名企业、预对接名单、洽谈、对接成果',
  response: xlsxResponse,
});
