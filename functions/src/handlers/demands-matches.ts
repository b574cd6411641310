import { demandMatches as demandMatchesRoute } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { matchingRepos } from '../wiring';
import { demandMatches } from '../use-cases/matching';

/** GET /v1/demands/{id}/matches */
export const handler = route(demandMatchesRoute, matchingRepos, async ({ params, user, now, repos }) => ({
  body: { items: await demandMatches(user, params.id, { repos, now }) },
}));
