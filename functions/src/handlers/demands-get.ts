import { route } from '../http/route';
import { routes } from '../http/spec';
import { getDemand } from '../use-cases/demands';

/** GET /v1/demands/{id} (with its timeline) */
export const handler = route(routes.demandsGet, async ({ params, user, deps }) => ({
  body: await getDemand(params.id, { user, demands: deps.repos.demands }),
}));
