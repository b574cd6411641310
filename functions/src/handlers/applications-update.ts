import { route } from '../http/route';
import { routes } from '../http/spec';
import { updateApplication } from '../use-cases/applications';

/** PUT /v1/applications/{id} */
export const handler = route(routes.applicationsUpdate, async ({ params, body, user, deps, now }) => ({
  body: await updateApplication(user, params.id, body, { repos: deps.repos, now }),
}));
