import { orgsAffiliatesGet } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { getAffiliates } from '../use-cases/orgs';

/** GET /v1/orgs/{id}/affiliates */
export const handler = route(orgsAffiliatesGet, orgRepos, async ({ params, user, now, repos }) => ({
  body: await getAffiliates(user, params.id, { repos, now }),
}));
