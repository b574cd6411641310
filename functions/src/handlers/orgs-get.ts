import { route } from '../http/route';
import { routes } from '../http/spec';
import { getOrg } from '../use-cases/orgs';

/** GET /v1/orgs/{id} */
export const handler = route(routes.orgsGet, async ({ params, user, deps, now }) => ({
  body: await getOrg(user, params.id, { repos: deps.repos, now }),
}));
