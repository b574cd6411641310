import { route } from '../http/route';
import { routes } from '../http/spec';
import { listCatalogue } from '../use-cases/catalogue';

/** GET /v1/catalogue */
export const handler = route(routes.catalogueList, async ({ query, deps, now }) => ({
  body: await listCatalogue(query, { demands: deps.repos.demands, now }),
}));
