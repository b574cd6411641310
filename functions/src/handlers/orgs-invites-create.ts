import { orgsInvitesCreate } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { createInvite } from '../use-cases/orgs';

/** POST /v1/orgs/{id}/invites */
export const handler = route(orgsInvitesCreate, orgRepos, async ({ params, user, now, repos }) => ({
  body: await createInvite(user, params.id, { repos, now }),
}));
