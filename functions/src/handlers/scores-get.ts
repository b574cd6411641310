import { route } from '../http/route';
import { routes } from '../http/spec';
import { getScores } from '../use-cases/evaluation';

/** GET /v1/applications/{id}/scores */
export const handler = route(routes.scoresGet, async ({ params, user, deps, now }) => ({
  body: await getScores(user, params.id, { repos: deps.repos, now }),
}));
