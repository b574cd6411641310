import { orgsAffiliatesTemplate } from '@jiebang/shared/routes/orgs';
import { fileRoute } from '../http/binary';
import { orgRepos } from '../wiring';
import { affiliatesTemplate } from '../use-cases/affiliates-import';

/** GET /v1/orgs/{id}/affiliates/template (.xlsx) */
export const handler = fileRoute(orgsAffiliatesTemplate, orgRepos, async ({ params, user, now, repos }) =>
  affiliatesTemplate(user, params.id, { repos, now }),
);
