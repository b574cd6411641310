import { route } from '../http/route';
import { routes } from '../http/spec';
import { recordAcceptance } from '../use-cases/acceptance';

/** POST /v1/applications/{id}/acceptance */
export const handler = route(routes.acceptanceCreate, async ({ params, body, user, deps, now }) => ({
  status: 201,
  body: await recordAcceptance(user, params.id, body, { repos: deps.repos, now }),
}));
