import { route } from '../http/route';
import { routes } from '../http/spec';
import { listReleased } from '../use-cases/evaluation';

/** GET /v1/demands/{id}/applications */
export const handler = route(routes.demandApplicationsList, async ({ params, query, user, deps, now }) => ({
  body: await listReleased(user, params.id, query, { repos: deps.repos, now }),
}));
