import { route } from '../http/route';
import { routes } from '../http/spec';
import { publicResults } from '../use-cases/results';

/** GET /v1/campaigns/{year}/results (public) */
export const handler = route(routes.resultsList, async ({ params, query, deps, now }) => ({
  body: await publicResults(params.year, query, { repos: deps.repos, now }),
  headers: { 'cache-control': 'public, max-age=60' },
}));
