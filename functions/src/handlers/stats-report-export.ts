import { statsReportExport as spec } from '@jiebang/shared/routes/stats';
import { fileRoute } from '../http/binary';
import { statsRepos } from '../wiring';
import { exportReport } from '../use-cases/stats-reports';

/** GET /v1/stats/reports/{region}/{period}/export (.xlsx) */
export const handler = fileRoute(spec, statsRepos, async ({ params, user, now, repos }) =>
  exportReport(user, params.region, params.period, { repos, now }),
);
