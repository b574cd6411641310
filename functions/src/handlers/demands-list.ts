import { demandsList } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { demandsOnly } from '../wiring';
import { listMyDemands } from '../use-cases/demands';

/** GET /v1/demands?mine=1 */
export const handler = route(demandsList, demandsOnly, async ({ query, user, repos }) => ({
  body: await listMyDemands(query, { user, demands: repos.demands }),
}));
