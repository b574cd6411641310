import { orgsAffiliatesPut } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { putAffiliates } from '../use-cases/orgs';

/** PUT /v1/orgs/{id}/affiliates */
export const handler = route(orgsAffiliatesPut, orgRepos, async ({ params, body, user, now, repos }) => ({
  body: await putAffiliates(user, params.id, body, { repos, now }),
}));
