/**
 * Routes of the campaign in the ministry's hands (221号 to the letter, issue 16): its deadlines changed, the
 * deadlines that apply to an issuer, a province's own cut-off, the departments' (相关司局) lists of the large
 * enterprises they contacted for the direct channel. Each route is one named export (see ./define.ts).
 */
import {
  campaignDeadlinesSchema,
  campaignSchema,
  campaignUpdateSchema,
  cutoffInputSchema,
  cutoffParams,
  cutoffSchema,
  deadlinesQuerySchema,
  departmentParams,
  directContactInputSchema,
  directContactListSchema,
  directContactParams,
  directContactSchema,
  yearParams,
} from '../schemas/campaign';
import { defineRoute, rateLimit } from './define';

export const campaignsUpdate = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/campaigns/{year}',
  summary: '修改年度发榜工作的截止时间（工业和信息化部）：揭榜时间可“另行通知”后再开放；留痕并通知各主管部门',
  params: yearParams,
  body: campaignUpdateSchema,
  response: campaignSchema,
  errors: [403, 404, 409],
});

export const campaignsDeadlines = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/campaigns/{year}/deadlines',
  summary: '适用于某地区发榜企业的全部截止时间：年度工作的各项时间及省级主管部门自定的报送截止时间',
  auth: 'none',
  params: yearParams,
  query: deadlinesQuerySchema,
  response: campaignDeadlinesSchema,
  errors: [404],
});

export const campaignsCutoffPut = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/campaigns/{year}/cutoffs/{region}',
  summary: '省级主管部门设置本地区发榜企业的报送截止时间（早于需求征集截止时间；null 取消）',
  params: cutoffParams,
  body: cutoffInputSchema,
  response: cutoffSchema,
  errors: [403, 404],
});

export const departmentContactsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/departments/{code}/enterprises',
  summary: '相关司局联系的大企业名单（本司局与工业和信息化部）：只有名单内的企业可直接报送工业和信息化部',
  params: departmentParams,
  response: directContactListSchema,
  errors: [403],
});

export const departmentContactsAdd = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/departments/{code}/enterprises',
  summary: '相关司局把联系的大企业加入名单（按统一社会信用代码）',
  params: departmentParams,
  body: directContactInputSchema,
  response: directContactSchema,
  status: 201,
  errors: [403, 409],
  steps: [/* @__PURE__ */ rateLimit('org')],
});

export const departmentContactsDelete = /* @__PURE__ */ defineRoute({
  method: 'DELETE',
  path: '/v1/departments/{code}/enterprises/{creditCode}',
  summary: '相关司局把企业移出名单（已报送的需求不受影响）',
  params: directContactParams,
  response: directContactSchema,
  errors: [403, 404],
});
