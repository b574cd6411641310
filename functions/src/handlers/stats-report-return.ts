import { statsReportReturn as spec } from '@jiebang/shared/routes/stats';
import { route } from '../http/route';
import { statsRepos } from '../wiring';
import { returnReport } from '../use-cases/stats-reports';

/** POST /v1/stats/reports/{region}/{period}/return (ministry) */
export const handler = route(spec, statsRepos, async ({ params, body, user, now, repos }) => ({
  body: await returnReport(user, params.region, params.period, body.comment, { repos, now }),
}));
