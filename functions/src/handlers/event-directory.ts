import { eventDirectory } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { directory } from '../use-cases/events';

/** GET /v1/events/{id}/directory */
export const handler = route(eventDirectory, eventRepos, async ({ params, user, now, repos }) => ({
  body: await directory(user, params.id, { repos, now }),
}));
