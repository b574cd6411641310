import { route } from '../http/route';
import { routes } from '../http/spec';
import { startCooperation } from '../use-cases/selection';

/** POST /v1/demands/{id}/cooperation */
export const handler = route(routes.cooperationStart, async ({ params, body, user, deps, now }) => ({
  body: await startCooperation(user, params.id, body, { repos: deps.repos, now }),
}));
