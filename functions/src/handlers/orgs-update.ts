import { orgsUpdate } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { updateOrg } from '../use-cases/orgs';

/** PUT /v1/orgs/{id} */
export const handler = route(orgsUpdate, orgRepos, async ({ params, body, user, now, repos }) => ({
  body: await updateOrg(user, params.id, body, { repos, now }),
}));
