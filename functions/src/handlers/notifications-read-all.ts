import { notificationsReadAll } from '@jiebang/shared/routes/notifications';
import { route } from '../http/route';
import { notificationDeps } from '../notifications/wiring';
import { markAllRead } from '../use-cases/notifications';

/** POST /v1/notifications/read-all */
export const handler = route(notificationsReadAll, async ({ body, user, now, deps }) => ({
  body: await markAllRead(body, user, now, notificationDeps(deps).notifications),
}));
