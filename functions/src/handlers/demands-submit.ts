import { route } from '../http/route';
import { routes } from '../http/spec';
import { submitDemand } from '../use-cases/demands';

/** POST /v1/demands/{id}/submit */
export const handler = route(routes.demandsSubmit, async ({ params, body, user, deps, now }) => ({
  body: await submitDemand(params.id, body.channel, { user, now, ...deps.repos }),
}));
