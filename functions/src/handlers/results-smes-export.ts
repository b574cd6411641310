import { selectedSmesExport } from '@jiebang/shared/routes/evaluation';
import { fileRoute } from '../http/binary';
import { evaluationRepos } from '../wiring';
import { exportSelectedSmes } from '../use-cases/results';

/** GET /v1/campaigns/{year}/selected-smes/export (authorities, .xlsx) */
export const handler = fileRoute(selectedSmesExport, evaluationRepos, async ({ params, query, user, now, repos }) =>
  exportSelectedSmes(user, params.year, query, { repos, now }),
);
