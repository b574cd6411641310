import { route } from '../http/route';
import { routes } from '../http/spec';
import { putAffiliates } from '../use-cases/orgs';

/** PUT /v1/orgs/{id}/affiliates */
export const handler = route(routes.orgsAffiliatesPut, async ({ params, body, user, deps, now }) => ({
  body: await putAffiliates(user, params.id, body, { repos: deps.repos, now }),
}));
