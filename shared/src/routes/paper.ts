/**
 * 221号 on paper (issue 16, item 6): the forms the notice asks to print and stamp, as PDF — the 需求表 of a
 * demand, the 申请书 of an application, the 对接表 of a selected application. Each is answered to whoever may see
 * its record (404 otherwise), with an ETag of its content (304 on a repeat download, nothing rendered).
 */
import * as z from 'zod';
import { stampedScanInputSchema } from '../schemas/application';
import { stampedScanSchema } from '../schemas/demand';
import { defineRoute, idParams, conditionalGet, rateLimit, RATE_LIMITS } from './define';

const pdf = /* @__PURE__ */ z.string().describe('application/pdf（二进制 PDF 文件，A4，可打印盖章）');

export const demandPaper = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/demands/{id}/paper',
  summary: '《大企业技术创新需求表》（附件1）PDF，含二维码，供打印盖章（可查看该需求者）',
  auth: 'required',
  params: idParams,
  response: pdf,
  errors: [401, 404],
  steps: [/* @__PURE__ */ conditionalGet(0)],
});

export const applicationPaper = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/applications/{id}/paper',
  summary: '《中小企业“揭榜”申请书》（附件3）PDF，含二维码，供打印盖章（可查看该申请者）',
  auth: 'required',
  params: idParams,
  response: pdf,
  errors: [401, 404],
  steps: [/* @__PURE__ */ conditionalGet(0)],
});

export const applicationMatchmakingForm = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/applications/{id}/matchmaking-form',
  summary: '《中小企业“揭榜”对接表》（附件2）PDF：入选后生成（可查看该申请者）',
  auth: 'required',
  params: idParams,
  response: pdf,
  errors: [401, 404, 409],
  steps: [/* @__PURE__ */ conditionalGet(0)],
});

export const demandStampedScan = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/demands/{id}/stamped-scan',
  summary: '发榜企业：登记盖章后的《需求表》扫描件（先按附件上传 PDF，再以其 key 登记；可重新登记）',
  auth: 'required',
  params: idParams,
  body: stampedScanInputSchema,
  response: stampedScanSchema,
  errors: [400, 401, 403, 404, 409],
  steps: [/* @__PURE__ */ rateLimit(RATE_LIMITS.uploads)],
});

export const applicationStampedScan = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/applications/{id}/stamped-scan',
  summary: '揭榜企业：登记盖章后的《申请书》扫描件（先按附件上传 PDF，再以其 key 登记；可重新登记）',
  auth: 'required',
  params: idParams,
  body: stampedScanInputSchema,
  response: stampedScanSchema,
  errors: [400, 401, 403, 404, 409],
  steps: [/* @__PURE__ */ rateLimit(RATE_LIMITS.uploads)],
});
