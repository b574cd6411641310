import { route } from '../http/route';
import { routes } from '../http/spec';
import { createInvite } from '../use-cases/orgs';

/** POST /v1/orgs/{id}/invites */
export const handler = route(routes.orgsInvitesCreate, async ({ params, user, deps, now }) => ({
  status: 201,
  body: await createInvite(user, params.id, { repos: deps.repos, now }),
}));
