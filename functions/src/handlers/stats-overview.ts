import { statsOverview as spec } from '@jiebang/shared/routes/stats';
import { route } from '../http/route';
import { statsRepos } from '../wiring';
import { statsOverview } from '../use-cases/stats';

/** GET /v1/stats/overview (authorities) */
export const handler = route(spec, statsRepos, async ({ query, user, now, repos }) => ({
  body: await statsOverview(user, query, { repos, now }),
}));
