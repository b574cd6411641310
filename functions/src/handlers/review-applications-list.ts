import { route } from '../http/route';
import { routes } from '../http/spec';
import { listReviewQueue } from '../use-cases/review-applications';

/** GET /v1/review/applications */
export const handler = route(routes.reviewApplicationsList, async ({ query, user, deps, now }) => ({
  body: await listReviewQueue(user, query, { repos: deps.repos, now }),
}));
