import { orgsAffiliatesUpload } from '@jiebang/shared/routes/orgs';
import { attachmentStore } from '../attachments';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { createAffiliatesUpload } from '../use-cases/affiliates-import';

/** POST /v1/orgs/{id}/affiliates/uploads */
export const handler = route(orgsAffiliatesUpload, orgRepos, async ({ params, body, user, now, repos }) => ({
  body: await createAffiliatesUpload(user, params.id, body, { repos, attachments: attachmentStore(), now }),
}));
