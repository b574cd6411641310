import { applicationsGet } from '@jiebang/shared/routes/applications';
import { route } from '../http/route';
import { applicationRepos } from '../wiring';
import { getApplication } from '../use-cases/applications';

/** GET /v1/applications/{id} */
export const handler = route(applicationsGet, applicationRepos, async ({ params, user, now, repos }) => ({
  body: await getApplication(user, params.id, { repos, now }),
}));
