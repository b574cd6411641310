import { route } from '../http/route';
import { routes } from '../http/spec';
import { listMembers } from '../use-cases/orgs';

/** GET /v1/orgs/{id}/members */
export const handler = route(routes.orgsMembersList, async ({ params, query, user, deps, now }) => ({
  body: await listMembers(user, params.id, query, { repos: deps.repos, now }),
}));
