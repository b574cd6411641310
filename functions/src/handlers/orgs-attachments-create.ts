import { orgsAttachmentsCreate } from '@jiebang/shared/routes/orgs';
import { attachmentStore } from '../attachments';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { createAttachmentUpload } from '../use-cases/orgs';

/** POST /v1/orgs/{id}/attachments */
export const handler = route(orgsAttachmentsCreate, orgRepos, async ({ params, body, user, now, repos }) => ({
  body: await createAttachmentUpload(user, params.id, body, { repos, attachments: attachmentStore(), now }),
}));
