import { catalogueGet } from '@jiebang/shared/routes/catalogue';
import { route } from '../http/route';
import { demandsOnly } from '../wiring';
import { getCatalogueDemand } from '../use-cases/catalogue';

/** GET /v1/catalogue/{id} */
export const handler = route(catalogueGet, demandsOnly, async ({ params, now, repos }) => ({
  body: await getCatalogueDemand(params.id, { demands: repos.demands, now }),
}));
