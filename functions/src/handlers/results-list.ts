import { resultsList } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { publicResultsRepos } from '../wiring';
import { publicResults } from '../use-cases/results';

/** GET /v1/campaigns/{year}/results (public) */
export const handler = route(resultsList, publicResultsRepos, async ({ params, query, now, repos }) => ({
  body: await publicResults(params.year, query, { repos, now }),
  // Short: a line's 公示 state changes with an objection, its answer and the end of the period.
  headers: { 'cache-control': 'public, max-age=15' },
}));
