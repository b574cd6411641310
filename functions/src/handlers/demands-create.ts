import { route } from '../http/route';
import { routes } from '../http/spec';
import { createDemand } from '../use-cases/demands';

/** POST /v1/demands */
export const handler = route(routes.demandsCreate, async ({ body, user, deps, now }) => ({
  status: 201,
  body: await createDemand(body, { user, now, ...deps.repos }),
}));
