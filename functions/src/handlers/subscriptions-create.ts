import { subscriptionsCreate } from '@jiebang/shared/routes/notifications';
import { route } from '../http/route';
import { notificationDeps } from '../notifications/wiring';
import { DynamoDemandRepository } from '../store/dynamo-demands';
import { DynamoUserRepository } from '../store/dynamo-users';
import type { Store } from '../store/client';
import { createSubscription } from '../use-cases/notifications';

const wire = (store: Store) => ({
  users: new DynamoUserRepository(store),
  demands: new DynamoDemandRepository(store),
});

/** POST /v1/subscriptions */
export const handler = route(subscriptionsCreate, wire, async ({ body, user, now, deps, repos }) => {
  const n = notificationDeps(deps);
  return {
    body: await createSubscription(body, user, now, {
      ...repos,
      notifications: n.notifications,
      templates: n.templates,
    }),
  };
});
