import { achievementsGet } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { libraryRepos } from '../wiring';
import { getAchievement } from '../use-cases/library';

/** GET /v1/achievements/{id} */
export const handler = route(achievementsGet, libraryRepos, async ({ params, user, now, repos }) => ({
  body: await getAchievement(user, params.id, { repos, now }),
}));
