import { reviewApplicationsDecide } from '@jiebang/shared/routes/applications';
import { route } from '../http/route';
import { applicationRepos } from '../wiring';
import { reviewApplication } from '../use-cases/review-applications';

/** POST /v1/review/applications/{id} */
export const handler = route(
  reviewApplicationsDecide,
  applicationRepos,
  async ({ params, body, user, now, repos }) => ({
    body: await reviewApplication(user, params.id, body, { repos, now }),
  }),
);
