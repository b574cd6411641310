import { prematchGet } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { getPrematch } from '../use-cases/events';

/** GET /v1/events/{id}/prematch */
export const handler = route(prematchGet, eventRepos, async ({ params, query, user, now, repos }) => ({
  body: await getPrematch(user, params.id, query.suggest === '1', { repos, now }),
}));
