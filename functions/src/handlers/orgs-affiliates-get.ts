import { orgsAffiliatesGet } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { getAffiliates } from '../use-cases/affiliates-list';

/** GET /v1/orgs/{id}/affiliates?q=&limit=&cursor= */
export const handler = route(orgsAffiliatesGet, orgRepos, async ({ params, query, user, now, repos }) => ({
  body: await getAffiliates(user, params.id, query, { repos, now }),
}));
