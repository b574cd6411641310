/**
 * 221号 on paper (issue 16, item 6): the forms the notice asks to print and stamp, as PDF — the 需求表 of a
 * demand, the 申请书 of an application, the 对接表 of a selected application. Each is answered to whoever may see
 * its record (404 otherwise), with an ETag of its content (304 on a repeat download, nothing rendered).
 */
import * as z from 'zod';
import { stampedScanInputSchema } from '../schemas/application';
import { stampedScanSchema } from '../schemas/demand';
import { defineRoute, idParams, conditionalGet, rateLimit } from './define';

const pdf = /* @__PURE__ */ z.string().describe('application/pdf（二进制 PDF 文件，A4，可打印盖章）');

/** A form of a record: GET, signed in, the record's id, a PDF with its content's ETag. */
const pdfRoute = /* @__NO_SIDE_EFFECTS__ */ <P extends string>(path: P, summary: string, errors: number[]) =>
  defineRoute({
    method: 'GET',
    path,
    summary,
    auth: 'required',
    params: idParams,
    response: pdf,
    errors,
    steps: [conditionalGet(0)],
  });

/** Records the stamped scan of a record's printed form. */
const scanRoute = /* @__NO_SIDE_EFFECTS__ */ <P extends string>(path: P, summary: string) =>
  defineRoute({
    method: 'PUT',
    path,
    summary,
    auth: 'required',
    params: idParams,
    body: stampedScanInputSchema,
    response: stampedScanSchema,
    errors: [400, 401, 403, 404, 409],
    steps: [/* @__PURE__ */ rateLimit('uploads')],
  });

export const demandPaper = /* @__PURE__ */ pdfRoute(
  '/v1/demands/{id}/paper',
  '《大企业技术创新需求表》（附件1）PDF，含二维码，供打印盖章（可查看该需求者）',
  [401, 404],
);

export const applicationPaper = /* @__PURE__ */ pdfRoute(
  '/v1/applications/{id}/paper',
  '《中小企业“揭榜”申请书》（附件3）PDF，含二维码，供打印盖章（可查看该申请者）',
  [401, 404],
);

export const applicationMatchmakingForm = /* @__PURE__ */ pdfRoute(
  '/v1/applications/{id}/matchmaking-form',
  '《中小企业“揭榜”对接表》（附件2）PDF：入选后生成（可查看该申请者）',
  [401, 404, 409],
);

export const demandStampedScan = /* @__PURE__ */ scanRoute(
  '/v1/demands/{id}/stamped-scan',
  '发榜企业：登记盖章后的《需求表》扫描件（先按附件上传 PDF，再以其 key 登记；可重新登记）',
);

export const applicationStampedScan = /* @__PURE__ */ scanRoute(
  '/v1/applications/{id}/stamped-scan',
  '揭榜企业：登记盖章后的《申请书》扫描件（先按附件上传 PDF，再以其 key 登记；可重新登记）',
);
