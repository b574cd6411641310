import { eventsGet } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { getEvent } from '../use-cases/events';

/** GET /v1/events/{id} */
export const handler = route(eventsGet, eventRepos, async ({ params, user, now, repos }) => ({
  body: await getEvent(user, params.id, { repos, now }),
}));
