import { demandsCreate } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { demandRepos } from '../wiring';
import { createDemand } from '../use-cases/demands';

/** POST /v1/demands */
export const handler = route(demandsCreate, demandRepos, async ({ body, user, now, repos }) => ({
  body: await createDemand(body, { user, now, ...repos }),
}));
