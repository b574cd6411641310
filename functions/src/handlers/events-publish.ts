import { eventsPublish } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { publishEvent } from '../use-cases/events';

/** POST /v1/events/{id}/publish */
export const handler = route(eventsPublish, eventRepos, async ({ params, user, now, repos }) => ({
  body: await publishEvent(user, params.id, { repos, now }),
}));
