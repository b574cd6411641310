import { statsReportAccept as spec } from '@jiebang/shared/routes/stats';
import { route } from '../http/route';
import { statsRepos } from '../wiring';
import { acceptReport } from '../use-cases/stats-reports';

/** POST /v1/stats/reports/{region}/{period}/accept (ministry) */
export const handler = route(spec, statsRepos, async ({ params, user, now, repos }) => ({
  body: await acceptReport(user, params.region, params.period, { repos, now }),
}));
