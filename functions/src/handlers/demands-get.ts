import { demandsGet } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { demandsOnly } from '../wiring';
import { getDemand } from '../use-cases/demands';

/** GET /v1/demands/{id} (with its timeline) */
export const handler = route(demandsGet, demandsOnly, async ({ params, user, repos }) => ({
  body: await getDemand(params.id, { user, demands: repos.demands }),
}));
