import { route } from '../http/route';
import { routes } from '../http/spec';
import { me } from '../use-cases/auth';

/** GET /v1/me */
export const handler = route(routes.me, async ({ user, deps }) => ({
  body: await me(user.id, { users: deps.repos.users, orgs: deps.repos.orgs }),
}));
