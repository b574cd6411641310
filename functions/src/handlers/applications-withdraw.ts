import { applicationsWithdraw } from '@jiebang/shared/routes/applications';
import { route } from '../http/route';
import { applicationRepos } from '../wiring';
import { withdrawApplication } from '../use-cases/applications';

/** POST /v1/applications/{id}/withdraw */
export const handler = route(applicationsWithdraw, applicationRepos, async ({ params, body, user, now, repos }) => ({
  body: await withdrawApplication(user, params.id, body, { repos, now }),
}));
