import { route } from '../http/route';
import { routes } from '../http/spec';
import { registerOrg } from '../use-cases/orgs';

/** POST /v1/orgs */
export const handler = route(routes.orgsCreate, async ({ body, user, deps, now }) => ({
  status: 201,
  body: await registerOrg(user, body, { repos: deps.repos, tokens: deps.tokens, now }),
}));
