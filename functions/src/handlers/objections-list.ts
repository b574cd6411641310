import { objectionsList } from '@jiebang/shared/routes/publicity';
import { route } from '../http/route';
import { publicityRepos } from '../wiring';
import { listObjections } from '../use-cases/publicity';

/** GET /v1/objections */
export const handler = route(objectionsList, publicityRepos, async ({ user, repos }) => ({
  body: await listObjections(user, { repos }),
}));
