/** Routes of the statistics area (api.md "Statistics"): the authorities' dashboards. */
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
import { defineRoute, xlsxResponse } from './define';

export const statsOverview = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/overview',
  summary: '主管部门：统计看板（工业和信息化部为全国，可按 ?region= 查看某地；省级为本辖区）',
  query: statsOverviewQuerySchema,
  response: statsOverviewSchema,
  errors: [403],
});

export const statsReportsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/reports',
  summary: '统计表：某一统计期各主管部门的填报状态与是否逾期（工业和信息化部为全部 37 个；省级为本部门）',
  query: statsReportsQuerySchema,
  response: statsReportsSchema,
  errors: [403],
});

export const statsReportGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/reports/{region}/{period}',
  summary: '统计表：一个主管部门某一统计期的统计表（未填报时为平台数据预填的草稿）',
  params: statsReportParamsSchema,
  response: statsReportSchema,
  errors: [403, 404],
});

export const statsReportPut = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/stats/reports/{region}/{period}',
  summary: '统计表：保存填报内容（省级主管部门本部门；更正平台数据须说明原因）',
  params: statsReportParamsSchema,
  body: statsReportInputSchema,
  response: statsReportSchema,
  errors: [403, 404, 409],
});

export const statsReportSubmit = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/stats/reports/{region}/{period}/submit',
  summary: '统计表：报送（省级主管部门）',
  params: statsReportParamsSchema,
  response: statsReportSchema,
  errors: [403, 404, 409],
});

export const statsReportReturn = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/stats/reports/{region}/{period}/return',
  summary: '统计表：退回并说明意见（工业和信息化部）',
  params: statsReportParamsSchema,
  body: statsReturnSchema,
  response: statsReportSchema,
  errors: [403, 404, 409],
});

export const statsReportAccept = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/stats/reports/{region}/{period}/accept',
  summary: '统计表：确认（工业和信息化部）',
  params: statsReportParamsSchema,
  response: statsReportSchema,
  errors: [403, 404, 409],
});

export const statsReportExport = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/reports/{region}/{period}/export',
  summary: '统计表：导出一个主管部门的统计表为 .xlsx',
  params: statsReportParamsSchema,
  response: xlsxResponse,
  errors: [403, 404],
});

export const statsRollupExport = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/stats/reports/{period}/export',
  summary: '统计表：全国汇总导出为 .xlsx（每个主管部门一行，末行合计；工业和信息化部）',
  params: statsPeriodParamsSchema,
  response: xlsxResponse,
  errors: [403],
});
