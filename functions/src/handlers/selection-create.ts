import { route } from '../http/route';
import { routes } from '../http/spec';
import { select } from '../use-cases/selection';

/** POST /v1/demands/{id}/selection */
export const handler = route(routes.selectionCreate, async ({ params, body, user, deps, now }) => ({
  status: 201,
  body: await select(user, params.id, body, { repos: deps.repos, now }),
}));
