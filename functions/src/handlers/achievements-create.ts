import { achievementsCreate } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { keywordsForMatching } from '../matching/wiring';
import { libraryRepos } from '../wiring';
import { createAchievement } from '../use-cases/library';

/** POST /v1/achievements (its terms computed here, when the text is written: jieba in its package) */
export const handler = route(achievementsCreate, libraryRepos, async ({ body, user, now, repos }) => ({
  status: 201,
  body: await createAchievement(user, body, { repos, now, keywords: keywordsForMatching }),
}));
