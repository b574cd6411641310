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
import { defineRoute, idParams, rateLimit, RATE_LIMITS } from './define';

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
  steps: [/* @__PURE__ */ rateLimit(RATE_LIMITS.objections)],
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
