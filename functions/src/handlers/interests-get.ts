import { interestsGet } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { libraryRepos } from '../wiring';
import { getInterest } from '../use-cases/library';

/** GET /v1/interests/{id} */
export const handler = route(interestsGet, libraryRepos, async ({ params, user, now, repos }) => ({
  body: await getInterest(user, params.id, { repos, now }),
}));
