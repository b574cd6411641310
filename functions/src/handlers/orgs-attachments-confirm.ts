import { attachmentStore } from '../attachments';
import { route } from '../http/route';
import { routes } from '../http/spec';
import { confirmAttachment } from '../use-cases/orgs';

/** POST /v1/orgs/{id}/attachments/{attachmentId}/confirm */
export const handler = route(routes.orgsAttachmentsConfirm, async ({ params, user, deps, now }) => ({
  body: await confirmAttachment(user, params.id, params.attachmentId, {
    repos: deps.repos,
    attachments: attachmentStore(),
    now,
  }),
}));
