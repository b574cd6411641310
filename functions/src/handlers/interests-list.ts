import { interestsList } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { libraryRepos } from '../wiring';
import { listInterests } from '../use-cases/library';

/** GET /v1/interests */
export const handler = route(interestsList, libraryRepos, async ({ query, user, now, repos }) => ({
  body: await listInterests(user, query, { repos, now }),
}));
