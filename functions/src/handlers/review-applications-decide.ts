import { route } from '../http/route';
import { routes } from '../http/spec';
import { reviewApplication } from '../use-cases/review-applications';

/** POST /v1/review/applications/{id} */
export const handler = route(routes.reviewApplicationsDecide, async ({ params, body, user, deps, now }) => ({
  body: await reviewApplication(user, params.id, body, { repos: deps.repos, now }),
}));
