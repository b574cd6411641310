import { fileRoute } from '../http/binary';
import { routes } from '../http/spec';
import { exportPublicResults } from '../use-cases/results';

/** GET /v1/campaigns/{year}/results/export (public, .xlsx) */
export const handler = fileRoute(routes.resultsExport, async ({ params, deps, now }) =>
  exportPublicResults(params.year, { repos: deps.repos, now }),
);
