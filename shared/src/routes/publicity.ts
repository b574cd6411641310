/**
 * Routes of 公示 (issue 17): objections to the 揭榜名单 during its notice period and the ministry's answers. The
 * period itself is on GET /v1/campaigns/{year}/results (evaluation.ts).
 */
import { campaignYearParamsSchema } from '../schemas/evaluation';
import {
  objectionDecisionInputSchema,
  objectionInputSchema,
  objectionListSchema,
  objectionSchema,
} from '../schemas/publicity';
import * as z from 'zod';
import { defineRoute, idParams, rateLimit } from './define';

export const objectionsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/campaigns/{year}/objections',
  summary:
    '对揭榜名单中某项需求的遴选结果提出异议（已登记企业，公示期内）：理由及 PDF 附件；不向发榜企业和公众显示异议企业。' +
    '公示期已过 NOTICE_CLOSED（422）',
  auth: 'required',
  params: campaignYearParamsSchema,
  body: objectionInputSchema,
  response: objectionSchema,
  status: 201,
  errors: [401, 403, 404, 422],
  steps: [/* @__PURE__ */ rateLimit('objections')],
});

export const objectionsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/objections',
  summary: '异议列表：工业和信息化部看全部（待答复在前），企业看本企业提出的',
  auth: 'required',
  response: objectionListSchema,
  errors: [401, 403],
});

export const objectionsDecide = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/objections/{id}',
  summary:
    '答复异议（工业和信息化部，每项一次）：upheld 异议成立——该需求重新遴选；dismissed 不成立。已答复 ALREADY_ANSWERED（409）',
  auth: 'required',
  params: idParams,
  body: objectionDecisionInputSchema,
  response: objectionSchema,
  errors: [401, 403, 404, 409],
});

export const objectionAttachmentGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/objections/{id}/attachments/{index}',
  summary: '打开异议的第 index 个 PDF 附件（从 0 起）：返回几分钟内有效的下载地址；仅工业和信息化部与提出异议的企业',
  auth: 'required',
  params: /* @__PURE__ */ (() =>
    z.strictObject({
      id: z.string().min(1).max(64),
      index: z.coerce
        .number({ error: '附件序号应为数字' })
        .int('附件序号应为整数')
        .min(0, '附件序号不正确')
        .max(9, '附件序号不正确'),
    }))(),
  response: /* @__PURE__ */ (() =>
    z.object({
      url: z.string().max(2000),
      name: z.string().max(100),
      expiresAt: z.string().max(30),
    }))(),
  errors: [401, 403, 404],
});
