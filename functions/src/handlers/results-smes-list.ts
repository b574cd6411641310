import { selectedSmesList } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { selectedSmes } from '../use-cases/results';

/** GET /v1/campaigns/{year}/selected-smes (authorities) */
export const handler = route(selectedSmesList, evaluationRepos, async ({ params, query, user, now, repos }) => ({
  body: await selectedSmes(user, params.year, query, { repos, now }),
}));
