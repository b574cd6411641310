import { statsRollupExport as spec } from '@jiebang/shared/routes/stats';
import { fileRoute } from '../http/binary';
import { statsRepos } from '../wiring';
import { exportRollup } from '../use-cases/stats-reports';

/** GET /v1/stats/reports/{period}/export (ministry, .xlsx) */
export const handler = fileRoute(spec, statsRepos, async ({ params, user, now, repos }) =>
  exportRollup(user, params.period, { repos, now }),
);
