import { orgsMembersList } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { listMembers } from '../use-cases/orgs';

/** GET /v1/orgs/{id}/members */
export const handler = route(orgsMembersList, orgRepos, async ({ params, query, user, now, repos }) => ({
  body: await listMembers(user, params.id, query, { repos, now }),
}));
