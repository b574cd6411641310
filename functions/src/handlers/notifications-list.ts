import { notificationsList } from '@jiebang/shared/routes/notifications';
import { route } from '../http/route';
import { notificationDeps } from '../notifications/wiring';
import { listInbox } from '../use-cases/notifications';

/** GET /v1/notifications */
export const handler = route(notificationsList, async ({ query, user, deps }) => ({
  body: await listInbox(query, user, notificationDeps(deps).notifications),
}));
