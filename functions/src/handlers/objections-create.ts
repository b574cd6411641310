import { objectionsCreate } from '@jiebang/shared/routes/publicity';
import { route } from '../http/route';
import { publicityRepos } from '../wiring';
import { fileObjection } from '../use-cases/publicity';

/** POST /v1/campaigns/{year}/objections */
export const handler = route(objectionsCreate, publicityRepos, async ({ params, body, user, now, repos }) => ({
  body: await fileObjection(user, params.year, body, { now, repos }),
}));
