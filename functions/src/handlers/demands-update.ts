import { demandsUpdate } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { demandRepos } from '../wiring';
import { updateDemand } from '../use-cases/demands';

/** PUT /v1/demands/{id} */
export const handler = route(demandsUpdate, demandRepos, async ({ params, body, user, now, repos }) => ({
  body: await updateDemand(params.id, body, { user, now, ...repos }),
}));
