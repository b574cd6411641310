import { orgsMembersPut } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { setMemberRoles } from '../use-cases/orgs';

/** PUT /v1/orgs/{id}/members/{userId} */
export const handler = route(orgsMembersPut, orgRepos, async ({ params, body, user, now, repos }) => ({
  body: await setMemberRoles(user, params.id, params.userId, body.roles, { repos, now }),
}));
