import { applicationsCreate } from '@jiebang/shared/routes/applications';
import { route } from '../http/route';
import { applicationRepos } from '../wiring';
import { createApplication } from '../use-cases/applications';

/** POST /v1/demands/{id}/applications */
export const handler = route(applicationsCreate, applicationRepos, async ({ params, body, user, now, repos }) => ({
  body: await createApplication(user, params.id, body, { repos, now }),
}));
