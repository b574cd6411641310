import { reviewDemandsDecide } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { reviewDemandRepos } from '../wiring';
import { reviewDemand } from '../use-cases/review-demands';

/** POST /v1/review/demands/{id} */
export const handler = route(reviewDemandsDecide, reviewDemandRepos, async ({ params, body, user, now, repos }) => ({
  body: await reviewDemand(params.id, body, { user, now, ...repos }),
}));
