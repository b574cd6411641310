import { route } from '../http/route';
import { applicationRepos } from '../wiring';
import { applicationsCreate } from '@jiebang/shared/routes/applications';
import { createApplication } from '../use-cases/applications';

/** POST /v1/demands/{id}/applications */
export const handler = route(applicationsCreate, applicationRepos, async ({ params, body, user, now, repos }) => ({
  status: 201,
  body: await createApplication(user, params.id, body, { repos, now }),
}));
