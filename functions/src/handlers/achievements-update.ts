import { achievementsUpdate } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { keywordsForMatching } from '../matching/wiring';
import { libraryRepos } from '../wiring';
import { updateAchievement } from '../use-cases/library';

/** PUT /v1/achievements/{id} (terms recomputed from the new text: jieba in its package) */
export const handler = route(achievementsUpdate, libraryRepos, async ({ params, body, user, now, repos }) => ({
  body: await updateAchievement(user, params.id, body, { repos, now, keywords: keywordsForMatching }),
}));
