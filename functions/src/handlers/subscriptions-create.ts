import { route } from '../http/route';
import { routes } from '../http/spec';
import { notificationDeps } from '../notifications/wiring';
import { createSubscription } from '../use-cases/notifications';

/** POST /v1/subscriptions */
export const handler = route(routes.subscriptionsCreate, async ({ body, user, now, deps }) => {
  const n = notificationDeps(deps);
  return {
    status: 201,
    body: await createSubscription(body, user, now, {
      users: deps.repos.users,
      demands: deps.repos.demands,
      notifications: n.notifications,
      templates: n.templates,
    }),
  };
});
