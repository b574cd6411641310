import { statsReportSubmit as spec } from '@jiebang/shared/routes/stats';
import { route } from '../http/route';
import { statsRepos } from '../wiring';
import { submitReport } from '../use-cases/stats-reports';

/** POST /v1/stats/reports/{region}/{period}/submit (its province) */
export const handler = route(spec, statsRepos, async ({ params, user, now, repos }) => ({
  body: await submitReport(user, params.region, params.period, { repos, now }),
}));
