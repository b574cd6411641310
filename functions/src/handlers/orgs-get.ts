import { orgsGet } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { getOrg } from '../use-cases/orgs';

/** GET /v1/orgs/{id} */
export const handler = route(orgsGet, orgRepos, async ({ params, user, now, repos }) => ({
  body: await getOrg(user, params.id, { repos, now }),
}));
