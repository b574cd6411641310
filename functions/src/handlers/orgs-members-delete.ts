import { orgsMembersDelete } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { removeMember } from '../use-cases/orgs';

/** DELETE /v1/orgs/{id}/members/{userId}: an admin removes a member, or a member leaves (userId = self). */
export const handler = route(orgsMembersDelete, orgRepos, async ({ params, user, now, repos }) => ({
  body: await removeMember(user, params.id, params.userId, { repos, now }),
}));
