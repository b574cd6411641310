import { attachmentStore } from '../attachments';
import { route } from '../http/route';
import { routes } from '../http/spec';
import { createAttachmentUpload } from '../use-cases/orgs';

/** POST /v1/orgs/{id}/attachments */
export const handler = route(routes.orgsAttachmentsCreate, async ({ params, body, user, deps, now }) => ({
  status: 201,
  body: await createAttachmentUpload(user, params.id, body, { repos: deps.repos, attachments: attachmentStore(), now }),
}));
