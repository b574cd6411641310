import { route } from '../http/route';
import { routes } from '../http/spec';
import { acceptInvite } from '../use-cases/orgs';

/** POST /v1/invites/{code}/accept */
export const handler = route(routes.invitesAccept, async ({ params, user, deps, now }) => ({
  body: await acceptInvite(user, params.code, { repos: deps.repos, tokens: deps.tokens, now }),
}));
