import { route } from '../http/route';
import { routes } from '../http/spec';
import { withdrawDemand } from '../use-cases/demands';

/** POST /v1/demands/{id}/withdraw */
export const handler = route(routes.demandsWithdraw, async ({ params, body, user, deps, now }) => ({
  body: await withdrawDemand(params.id, body.reason, { user, now, ...deps.repos }),
}));
