import { route } from '../http/route';
import { routes } from '../http/spec';
import { notificationDeps } from '../notifications/wiring';
import { unreadCount } from '../use-cases/notifications';

/** GET /v1/notifications/unread-count */
export const handler = route(routes.notificationsUnreadCount, async ({ user, deps }) => ({
  body: await unreadCount(user, notificationDeps(deps).notifications),
}));
