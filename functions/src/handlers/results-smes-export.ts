import { fileRoute } from '../http/binary';
import { routes } from '../http/spec';
import { exportSelectedSmes } from '../use-cases/results';

/** GET /v1/campaigns/{year}/selected-smes/export (authorities, .xlsx) */
export const handler = fileRoute(routes.selectedSmesExport, async ({ params, query, user, deps, now }) =>
  exportSelectedSmes(user, params.year, query, { repos: deps.repos, now }),
);
