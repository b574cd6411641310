import { achievementsSubmit } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { libraryRepos } from '../wiring';
import { submitAchievement } from '../use-cases/library';

/** POST /v1/achievements/{id}/submit */
export const handler = route(achievementsSubmit, libraryRepos, async ({ params, user, now, repos }) => ({
  body: await submitAchievement(user, params.id, { repos, now }),
}));
