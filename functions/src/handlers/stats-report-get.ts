import { statsReportGet as spec } from '@jiebang/shared/routes/stats';
import { route } from '../http/route';
import { statsRepos } from '../wiring';
import { getReport } from '../use-cases/stats-reports';

/** GET /v1/stats/reports/{region}/{period} (its province, the ministry) */
export const handler = route(spec, statsRepos, async ({ params, user, now, repos }) => ({
  body: await getReport(user, params.region, params.period, { repos, now }),
}));
