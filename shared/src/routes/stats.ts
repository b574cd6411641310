/** Routes of the statistics area (api.md "Statistics"): the authorities' dashboards. */
import * as z from 'zod';
import {
  statsOverviewQuerySchema,
  statsOverviewSchema,
  statsPeriodParamsSchema,
  statsReportInputSchema,
  statsReportParamsSchema,
  statsReportSchema,
  statsReportsQuerySchema,
  statsReportsSchema,
  statsReturnSchema,
} from '../schemas/stats';
import { defineRoute } from './define';

export const statsOverview = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/overview',
  summary: '主管部门：统计看板（工业和信息化部为全国，可按 ?region= 查看某地；省级为本辖区）',
  auth: 'required',
  query: statsOverviewQuerySchema,
  response: statsOverviewSchema,
  errors: [401, 403],
});

const xlsx = /* @__PURE__ */ z
  .string()
  .describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet（二进制 .xlsx 文件）');

export const statsReportsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/reports',
  summary: '统计表：某一统计期各主管部门的填报状态与是否逾期（工业和信息化部为全部 37 个；省级为本部门）',
  auth: 'required',
  query: statsReportsQuerySchema,
  response: statsReportsSchema,
  errors: [401, 403],
});

export const statsReportGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/reports/{region}/{period}',
  summary: '统计表：一个主管部门某一统计期的统计表（未填报时为平台数据预填的草稿）',
  auth: 'required',
  params: statsReportParamsSchema,
  response: statsReportSchema,
  errors: [401, 403, 404],
});

export const statsReportPut = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/stats/reports/{region}/{period}',
  summary: '统计表：保存填报内容（省级主管部门本部门；更正平台数据须说明原因）',
  auth: 'required',
  params: statsReportParamsSchema,
  body: statsReportInputSchema,
  response: statsReportSchema,
  errors: [400, 401, 403, 404, 409],
});

export const statsReportSubmit = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/stats/reports/{region}/{period}/submit',
  summary: '统计表：报送（省级主管部门）',
  auth: 'required',
  params: statsReportParamsSchema,
  response: statsReportSchema,
  errors: [401, 403, 404, 409],
});

export const statsReportReturn = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/stats/reports/{region}/{period}/return',
  summary: '统计表：退回并说明意见（工业和信息化部）',
  auth: 'required',
  params: statsReportParamsSchema,
  body: statsReturnSchema,
  response: statsReportSchema,
  errors: [400, 401, 403, 404, 409],
});

export const statsReportAccept = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/stats/reports/{region}/{period}/accept',
  summary: '统计表：确认（工业和信息化部）',
  auth: 'required',
  params: statsReportParamsSchema,
  response: statsReportSchema,
  errors: [401, 403, 404, 409],
});

export const statsReportExport = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/reports/{region}/{period}/export',
  summary: '统计表：导出一个主管部门的统计表为 .xlsx',
  auth: 'required',
  params: statsReportParamsSchema,
  response: xlsx,
  errors: [401, 403, 404],
});

export const statsRollupExport = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/reports/{period}/export',
  summary: '统计表：全国汇总导出为 .xlsx（每个主管部门一行，末行合计；工业和信息化部）',
  auth: 'required',
  params: statsPeriodParamsSchema,
  response: xlsx,
  errors: [401, 403],
});
