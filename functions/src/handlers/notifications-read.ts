import { notificationsRead } from '@jiebang/shared/routes/notifications';
import { route } from '../http/route';
import { notificationDeps } from '../notifications/wiring';
import { markRead } from '../use-cases/notifications';

/** POST /v1/notifications/{id}/read */
export const handler = route(notificationsRead, async ({ params, user, now, deps }) => ({
  body: await markRead(params.id, user, now, notificationDeps(deps).notifications),
}));
