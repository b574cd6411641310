import { route } from '../http/route';
import { routes } from '../http/spec';
import { updateDemand } from '../use-cases/demands';

/** PUT /v1/demands/{id} */
export const handler = route(routes.demandsUpdate, async ({ params, body, user, deps, now }) => ({
  body: await updateDemand(params.id, body, { user, now, ...deps.repos }),
}));
