import { notificationsUnreadCount } from '@jiebang/shared/routes/notifications';
import { route } from '../http/route';
import { notificationDeps } from '../notifications/wiring';
import { unreadCount } from '../use-cases/notifications';

/** GET /v1/notifications/unread-count */
export const handler = route(notificationsUnreadCount, async ({ user, deps }) => ({
  body: await unreadCount(user, notificationDeps(deps).notifications),
}));
