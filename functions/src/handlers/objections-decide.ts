import { objectionsDecide } from '@jiebang/shared/routes/publicity';
import { route } from '../http/route';
import { publicityRepos } from '../wiring';
import { answerObjection } from '../use-cases/publicity';

/** POST /v1/objections/{id} */
export const handler = route(objectionsDecide, publicityRepos, async ({ params, body, user, now, repos }) => ({
  body: await answerObjection(user, params.id, body, { now, repos }),
}));
