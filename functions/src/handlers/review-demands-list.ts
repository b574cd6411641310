import { reviewDemandsList } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { demandsOnly } from '../wiring';
import { listReviewQueue } from '../use-cases/review-demands';

/** GET /v1/review/demands */
export const handler = route(reviewDemandsList, demandsOnly, async ({ query, user, repos }) => ({
  body: await listReviewQueue(query, { user, demands: repos.demands }),
}));
