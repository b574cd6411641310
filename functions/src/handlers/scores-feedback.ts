import { route } from '../http/route';
import { routes } from '../http/spec';
import { feedback } from '../use-cases/evaluation';

/** GET /v1/applications/{id}/feedback */
export const handler = route(routes.feedbackGet, async ({ params, user, deps, now }) => ({
  body: await feedback(user, params.id, { repos: deps.repos, now }),
}));
