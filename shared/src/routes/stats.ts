/** Routes of the statistics area (api.md "Statistics"): the authorities' dashboards. */
import { statsOverviewQuerySchema, statsOverviewSchema } from '../schemas/stats';
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
