import { route } from '../http/route';
import { routes } from '../http/spec';
import { reviewDemand } from '../use-cases/review-demands';

/** POST /v1/review/demands/{id} */
export const handler = route(routes.reviewDemandsDecide, async ({ params, body, user, deps, now }) => ({
  body: await reviewDemand(params.id, body, { user, demands: deps.repos.demands, now }),
}));
