import { catalogueList } from '@jiebang/shared/routes/catalogue';
import { route } from '../http/route';
import { demandsOnly } from '../wiring';
import { listCatalogue } from '../use-cases/catalogue';

/** GET /v1/catalogue */
export const handler = route(catalogueList, demandsOnly, async ({ query, now, repos }) => ({
  body: await listCatalogue(query, { demands: repos.demands, now }),
}));
