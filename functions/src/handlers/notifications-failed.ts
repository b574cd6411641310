import { adminNotificationsFailed } from '@jiebang/shared/routes/notifications';
import { route } from '../http/route';
import { notificationDeps } from '../notifications/wiring';
import { listFailed } from '../use-cases/notifications';

/** GET /v1/admin/notifications/failed (admin only) */
export const handler = route(adminNotificationsFailed, async ({ query, user, deps }) => ({
  body: await listFailed(query, user, notificationDeps(deps).notifications),
}));
