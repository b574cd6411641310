import { me as meRoute } from '@jiebang/shared/routes/core';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { me } from '../use-cases/auth';

/** GET /v1/me */
export const handler = route(meRoute, orgRepos, async ({ user, repos }) => ({
  body: await me(user.id, { users: repos.users, orgs: repos.orgs }),
}));
