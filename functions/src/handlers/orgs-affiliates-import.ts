import { orgsAffiliatesImport } from '@jiebang/shared/routes/orgs';
import { attachmentStore } from '../attachments';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { importAffiliates } from '../use-cases/affiliates-import';

/** POST /v1/orgs/{id}/affiliates/import */
export const handler = route(orgsAffiliatesImport, orgRepos, async ({ params, body, user, now, repos }) => ({
  body: await importAffiliates(user, params.id, body, { repos, attachments: attachmentStore(), now }),
}));
