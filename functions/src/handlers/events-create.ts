import { eventsCreate } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { createEvent } from '../use-cases/events';

/** POST /v1/events */
export const handler = route(eventsCreate, eventRepos, async ({ body, user, now, repos }) => ({
  body: await createEvent(user, body, { repos, now }),
}));
