import { scoresGet } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { getScores } from '../use-cases/evaluation';

/** GET /v1/applications/{id}/scores */
export const handler = route(scoresGet, evaluationRepos, async ({ params, user, now, repos }) => ({
  body: await getScores(user, params.id, { repos, now }),
}));
