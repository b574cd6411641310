import { route } from '../http/route';
import { routes } from '../http/spec';
import { listReviewQueue } from '../use-cases/review-demands';

/** GET /v1/review/demands */
export const handler = route(routes.reviewDemandsList, async ({ query, user, deps }) => ({
  body: await listReviewQueue(query, { user, demands: deps.repos.demands }),
}));
