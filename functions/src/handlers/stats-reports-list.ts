import { statsReportsList as spec } from '@jiebang/shared/routes/stats';
import { route } from '../http/route';
import { statsRepos } from '../wiring';
import { listReports } from '../use-cases/stats-reports';

/** GET /v1/stats/reports?period= (authorities) */
export const handler = route(spec, statsRepos, async ({ query, user, now, repos }) => ({
  body: await listReports(user, query.period, { repos, now }),
}));
