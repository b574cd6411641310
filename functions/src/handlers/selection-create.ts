import { selectionCreate } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { select } from '../use-cases/selection';

/** POST /v1/demands/{id}/selection */
export const handler = route(selectionCreate, evaluationRepos, async ({ params, body, user, now, repos }) => ({
  body: await select(user, params.id, body, { repos, now }),
}));
