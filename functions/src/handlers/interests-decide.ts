import { interestsDecide } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { libraryRepos } from '../wiring';
import { decideInterest } from '../use-cases/library';

/** POST /v1/interests/{id} */
export const handler = route(interestsDecide, libraryRepos, async ({ params, body, user, now, repos }) => ({
  body: await decideInterest(user, params.id, body, { repos, now }),
}));
