import { resultsList } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { publicResults } from '../use-cases/results';

/** GET /v1/campaigns/{year}/results (public) */
export const handler = route(resultsList, evaluationRepos, async ({ params, query, now, repos }) => ({
  body: await publicResults(params.year, query, { repos, now }),
  headers: { 'cache-control': 'public, max-age=60' },
}));
