import { route } from '../http/route';
import { routes } from '../http/spec';
import { notificationDeps } from '../notifications/wiring';
import { markRead } from '../use-cases/notifications';

/** POST /v1/notifications/{id}/read */
export const handler = route(routes.notificationsRead, async ({ params, user, now, deps }) => ({
  body: await markRead(params.id, user, now, notificationDeps(deps).notifications),
}));
