import { route } from '../http/route';
import { routes } from '../http/spec';
import { listMyDemands } from '../use-cases/demands';

/** GET /v1/demands?mine=1 */
export const handler = route(routes.demandsList, async ({ query, user, deps }) => ({
  body: await listMyDemands(query, { user, demands: deps.repos.demands }),
}));
