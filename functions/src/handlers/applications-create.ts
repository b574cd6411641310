import { route } from '../http/route';
import { routes } from '../http/spec';
import { createApplication } from '../use-cases/applications';

/** POST /v1/demands/{id}/applications */
export const handler = route(routes.applicationsCreate, async ({ params, body, user, deps, now }) => ({
  status: 201,
  body: await createApplication(user, params.id, body, { repos: deps.repos, now }),
}));
