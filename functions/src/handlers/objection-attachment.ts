import { objectionAttachmentGet } from '@jiebang/shared/routes/publicity';
import { attachmentStore } from '../attachments';
import { route } from '../http/route';
import { publicityRepos } from '../wiring';
import { objectionAttachment } from '../use-cases/publicity';

/** GET /v1/objections/{id}/attachments/{index} (the ministry and the objector) */
export const handler = route(objectionAttachmentGet, publicityRepos, async ({ params, user, now, repos }) => ({
  body: await objectionAttachment(user, params.id, params.index, { repos, attachments: attachmentStore(), now }),
}));
