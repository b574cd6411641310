import { demandsWithdraw } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { demandRepos } from '../wiring';
import { withdrawDemand } from '../use-cases/demands';

/** POST /v1/demands/{id}/withdraw */
export const handler = route(demandsWithdraw, demandRepos, async ({ params, body, user, now, repos }) => ({
  body: await withdrawDemand(params.id, body.reason, { user, now, ...repos }),
}));
