import { route } from '../http/route';
import { routes } from '../http/spec';
import { selectedSmes } from '../use-cases/results';

/** GET /v1/campaigns/{year}/selected-smes (authorities) */
export const handler = route(routes.selectedSmesList, async ({ params, query, user, deps, now }) => ({
  body: await selectedSmes(user, params.year, query, { repos: deps.repos, now }),
}));
