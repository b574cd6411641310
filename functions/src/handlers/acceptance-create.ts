import { acceptanceCreate } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { recordAcceptance } from '../use-cases/acceptance';

/** POST /v1/applications/{id}/acceptance */
export const handler = route(acceptanceCreate, evaluationRepos, async ({ params, body, user, now, repos }) => ({
  body: await recordAcceptance(user, params.id, body, { repos, now }),
}));
