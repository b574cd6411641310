/**
 * Routes of 揭榜企业与政策支持 (issue 16, item 7): the authorities' list of a campaign's selected SMEs by
 * qualification, and the support recorded per SME. A province sees and supports the SMEs of its own region (the
 * authority of the enterprise, as it pre-reviewed their applications); the ministry all, or one region.
 */
import * as z from 'zod';
import {
  supportedSmeParamsSchema,
  supportedSmeSchema,
  supportedSmesExportQuerySchema,
  supportedSmesQuerySchema,
  supportInputSchema,
  supportRecordSchema,
} from '../schemas/policy-support';
import { campaignYearParamsSchema } from '../schemas/evaluation';
import { defineListRoute, defineRoute, xlsxResponse } from './define';

export const supportedSmesList = /* @__PURE__ */ defineListRoute({
  path: '/v1/campaigns/{year}/supported-smes',
  summary:
    '主管部门：本年度揭榜入选中小企业（每家一条），可按资质 ?qualification= 筛选，含已记录的政策支持次数与金额' +
    '（省级为本辖区企业；工业和信息化部可按 ?region= 查看或查看全部）',
  params: campaignYearParamsSchema,
  query: supportedSmesQuerySchema,
  item: supportedSmeSchema,
  errors: [403],
});

export const supportedSmesExport = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/campaigns/{year}/supported-smes/export',
  summary: '主管部门：揭榜入选中小企业及政策支持情况导出为 .xlsx（筛选同列表）',
  params: campaignYearParamsSchema,
  query: supportedSmesExportQuerySchema,
  response: xlsxResponse,
  errors: [403],
});

export const supportRecordsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/campaigns/{year}/supported-smes/{orgId}/support',
  summary: '主管部门：某家入选企业本年度已记录的政策支持（新的在前）',
  params: supportedSmeParamsSchema,
  response: /* @__PURE__ */ (() => z.object({ items: z.array(supportRecordSchema) }))(),
  errors: [403, 404],
});

export const supportRecordsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/campaigns/{year}/supported-smes/{orgId}/support',
  summary:
    '主管部门：记录给予入选企业的一项政策支持（措施、金额〔元〕、日期、备注），只增不改；' +
    '可带 Idempotency-Key：重放返回首次结果且只记录一次。支持日期晚于今天 FUTURE_DATE（422）',
  params: supportedSmeParamsSchema,
  body: supportInputSchema,
  response: supportRecordSchema,
  status: 201,
  errors: [403, 404, 409, 422],
});
