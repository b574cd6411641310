import { demandApplicationsList } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { listReleased } from '../use-cases/evaluation';

/** GET /v1/demands/{id}/applications */
export const handler = route(demandApplicationsList, evaluationRepos, async ({ params, query, user, now, repos }) => ({
  body: await listReleased(user, params.id, query, { repos, now }),
}));
