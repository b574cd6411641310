import { reviewAchievementsList } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { libraryRepos } from '../wiring';
import { achievementQueue } from '../use-cases/library';

/** GET /v1/review/achievements */
export const handler = route(reviewAchievementsList, libraryRepos, async ({ query, user, now, repos }) => ({
  body: await achievementQueue(user, query, { repos, now }),
}));
