import { route } from '../http/route';
import { routes } from '../http/spec';
import { getCatalogueDemand } from '../use-cases/catalogue';

/** GET /v1/catalogue/{id} */
export const handler = route(routes.catalogueGet, async ({ params, deps, now }) => ({
  body: await getCatalogueDemand(params.id, { demands: deps.repos.demands, now }),
}));
