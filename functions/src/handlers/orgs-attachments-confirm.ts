import { orgsAttachmentsConfirm } from '@jiebang/shared/routes/orgs';
import { attachmentStore } from '../attachments';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { confirmAttachment } from '../use-cases/orgs';

/** POST /v1/orgs/{id}/attachments/{attachmentId}/confirm */
export const handler = route(orgsAttachmentsConfirm, orgRepos, async ({ params, user, now, repos }) => ({
  body: await confirmAttachment(user, params.id, params.attachmentId, {
    repos,
    attachments: attachmentStore(),
    now,
  }),
}));
