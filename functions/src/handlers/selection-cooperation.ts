import { cooperationStart } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { startCooperation } from '../use-cases/selection';

/** POST /v1/demands/{id}/cooperation */
export const handler = route(cooperationStart, evaluationRepos, async ({ params, body, user, now, repos }) => ({
  body: await startCooperation(user, params.id, body, { repos, now }),
}));
