import { route } from '../http/route';
import { routes } from '../http/spec';
import { ranking } from '../use-cases/evaluation';

/** GET /v1/demands/{id}/ranking */
export const handler = route(routes.rankingGet, async ({ params, query, user, deps, now }) => ({
  body: await ranking(user, params.id, query, { repos: deps.repos, now }),
}));
