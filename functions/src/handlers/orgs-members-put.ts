import { route } from '../http/route';
import { routes } from '../http/spec';
import { setMemberRoles } from '../use-cases/orgs';

/** PUT /v1/orgs/{id}/members/{userId} */
export const handler = route(routes.orgsMembersPut, async ({ params, body, user, deps, now }) => ({
  body: await setMemberRoles(user, params.id, params.userId, body.roles, { repos: deps.repos, now }),
}));
