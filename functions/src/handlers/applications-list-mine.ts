import { route } from '../http/route';
import { routes } from '../http/spec';
import { listMyApplications } from '../use-cases/applications';

/** GET /v1/applications?mine=1 */
export const handler = route(routes.applicationsListMine, async ({ query, user, deps, now }) => ({
  body: await listMyApplications(user, query, { repos: deps.repos, now }),
}));
