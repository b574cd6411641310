import { scoresPut } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { putScore } from '../use-cases/evaluation';

/** PUT /v1/applications/{id}/scores */
export const handler = route(scoresPut, evaluationRepos, async ({ params, body, user, now, repos }) => ({
  body: await putScore(user, params.id, body, { repos, now }),
}));
