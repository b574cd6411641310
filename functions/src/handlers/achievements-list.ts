import { achievementsList } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { libraryRepos } from '../wiring';
import { listAchievements } from '../use-cases/library';

/** GET /v1/achievements (the public library; mine=1 for the caller's organisation) */
export const handler = route(achievementsList, libraryRepos, async ({ query, user, now, repos }) => ({
  body: await listAchievements(user, query, { repos, now }),
}));
