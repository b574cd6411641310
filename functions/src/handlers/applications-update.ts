import { applicationsUpdate } from '@jiebang/shared/routes/applications';
import { route } from '../http/route';
import { applicationRepos } from '../wiring';
import { updateApplication } from '../use-cases/applications';

/** PUT /v1/applications/{id} */
export const handler = route(applicationsUpdate, applicationRepos, async ({ params, body, user, now, repos }) => ({
  body: await updateApplication(user, params.id, body, { repos, now }),
}));
