import { rankingGet } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { ranking } from '../use-cases/evaluation';

/** GET /v1/demands/{id}/ranking */
export const handler = route(rankingGet, evaluationRepos, async ({ params, query, user, now, repos }) => ({
  body: await ranking(user, params.id, query, { repos, now }),
}));
