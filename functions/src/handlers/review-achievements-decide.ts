import { reviewAchievementsDecide } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { libraryRepos } from '../wiring';
import { reviewAchievement } from '../use-cases/library';

/** POST /v1/review/achievements/{id} */
export const handler = route(reviewAchievementsDecide, libraryRepos, async ({ params, body, user, now, repos }) => ({
  body: await reviewAchievement(user, params.id, body, { repos, now }),
}));
