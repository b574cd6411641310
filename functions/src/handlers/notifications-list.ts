import { route } from '../http/route';
import { routes } from '../http/spec';
import { notificationDeps } from '../notifications/wiring';
import { listInbox } from '../use-cases/notifications';

/** GET /v1/notifications */
export const handler = route(routes.notificationsList, async ({ query, user, deps }) => ({
  body: await listInbox(query, user, notificationDeps(deps).notifications),
}));
