import { route } from '../http/route';
import { routes } from '../http/spec';
import { getApplication } from '../use-cases/applications';

/** GET /v1/applications/{id} */
export const handler = route(routes.applicationsGet, async ({ params, user, deps, now }) => ({
  body: await getApplication(user, params.id, { repos: deps.repos, now }),
}));
