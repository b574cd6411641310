import { interestsCreate } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { libraryRepos } from '../wiring';
import { createInterest } from '../use-cases/library';

/** POST /v1/achievements/{id}/interests */
export const handler = route(interestsCreate, libraryRepos, async ({ params, body, user, now, repos }) => ({
  status: 201,
  body: await createInterest(user, params.id, body, { repos, now }),
}));
