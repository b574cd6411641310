import { route } from '../http/route';
import { routes } from '../http/spec';
import { notificationDeps } from '../notifications/wiring';
import { listFailed } from '../use-cases/notifications';

/** GET /v1/admin/notifications/failed (admin only) */
export const handler = route(routes.adminNotificationsFailed, async ({ query, user, deps }) => ({
  body: await listFailed(query, user, notificationDeps(deps).notifications),
}));
