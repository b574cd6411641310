import { supportedSmesExport } from '@jiebang/shared/routes/policy-support';
import { fileRoute } from '../http/binary';
import { supportRepos } from '../wiring';
import { exportSupportedSmes } from '../use-cases/policy-support';

/** GET /v1/campaigns/{year}/supported-smes/export (authorities, .xlsx) */
export const handler = fileRoute(supportedSmesExport, supportRepos, async ({ params, query, user, now, repos }) =>
  exportSupportedSmes(user, params.year, query, { repos, now }),
);
