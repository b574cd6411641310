import { route } from '../http/route';
import { routes } from '../http/spec';
import { getAffiliates } from '../use-cases/orgs';

/** GET /v1/orgs/{id}/affiliates */
export const handler = route(routes.orgsAffiliatesGet, async ({ params, user, deps, now }) => ({
  body: await getAffiliates(user, params.id, { repos: deps.repos, now }),
}));
