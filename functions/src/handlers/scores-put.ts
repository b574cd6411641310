import { route } from '../http/route';
import { routes } from '../http/spec';
import { putScore } from '../use-cases/evaluation';

/** PUT /v1/applications/{id}/scores */
export const handler = route(routes.scoresPut, async ({ params, body, user, deps, now }) => ({
  body: await putScore(user, params.id, body, { repos: deps.repos, now }),
}));
