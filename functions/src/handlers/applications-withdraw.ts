import { route } from '../http/route';
import { routes } from '../http/spec';
import { withdrawApplication } from '../use-cases/applications';

/** POST /v1/applications/{id}/withdraw */
export const handler = route(routes.applicationsWithdraw, async ({ params, body, user, deps, now }) => ({
  body: await withdrawApplication(user, params.id, body, { repos: deps.repos, now }),
}));
