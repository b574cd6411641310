import { invitesAccept } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { acceptInvite } from '../use-cases/orgs';

/** POST /v1/invites/{code}/accept */
export const handler = route(invitesAccept, orgRepos, async ({ params, user, now, deps, repos }) => ({
  body: await acceptInvite(user, params.code, { repos, tokens: deps.tokens, now }),
}));
