import { route } from '../http/route';
import { routes } from '../http/spec';
import { updateOrg } from '../use-cases/orgs';

/** PUT /v1/orgs/{id} */
export const handler = route(routes.orgsUpdate, async ({ params, body, user, deps, now }) => ({
  body: await updateOrg(user, params.id, body, { repos: deps.repos, now }),
}));
