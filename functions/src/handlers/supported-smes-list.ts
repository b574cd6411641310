import { supportedSmesList } from '@jiebang/shared/routes/policy-support';
import { route } from '../http/route';
import { supportRepos } from '../wiring';
import { listSupportedSmes } from '../use-cases/policy-support';

/** GET /v1/campaigns/{year}/supported-smes (authorities) */
export const handler = route(supportedSmesList, supportRepos, async ({ params, query, user, now, repos }) => ({
  body: await listSupportedSmes(user, params.year, query, { repos, now }),
}));
