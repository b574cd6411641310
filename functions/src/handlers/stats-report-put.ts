import { statsReportPut as spec } from '@jiebang/shared/routes/stats';
import { route } from '../http/route';
import { statsRepos } from '../wiring';
import { saveReport } from '../use-cases/stats-reports';

/** PUT /v1/stats/reports/{region}/{period} (its province) */
export const handler = route(spec, statsRepos, async ({ params, body, user, now, repos }) => ({
  body: await saveReport(user, params.region, params.period, body, { repos, now }),
}));
