import { recommendationsList } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { matchingRepos } from '../wiring';
import { recommendations } from '../use-cases/matching';

/** GET /v1/recommendations (reads stored terms only: no segmenter in this bundle) */
export const handler = route(recommendationsList, matchingRepos, async ({ query, user, now, repos }) => ({
  body: { items: await recommendations(user, query.limit, { repos, now }) },
}));
