import { reviewApplicationsList } from '@jiebang/shared/routes/applications';
import { route } from '../http/route';
import { applicationRepos } from '../wiring';
import { listReviewQueue } from '../use-cases/review-applications';

/** GET /v1/review/applications */
export const handler = route(reviewApplicationsList, applicationRepos, async ({ query, user, now, repos }) => ({
  body: await listReviewQueue(user, query, { repos, now }),
}));
