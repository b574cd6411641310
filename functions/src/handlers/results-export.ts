import { resultsExport } from '@jiebang/shared/routes/evaluation';
import { fileRoute } from '../http/binary';
import { evaluationRepos } from '../wiring';
import { exportPublicResults } from '../use-cases/results';

/** GET /v1/campaigns/{year}/results/export (public, .xlsx) */
export const handler = fileRoute(resultsExport, evaluationRepos, async ({ params, now, repos }) =>
  exportPublicResults(params.year, { repos, now }),
);
