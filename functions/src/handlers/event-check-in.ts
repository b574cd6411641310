import { eventsCheckIn } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { checkIn } from '../use-cases/events';

/** POST /v1/events/{id}/check-in */
export const handler = route(eventsCheckIn, eventRepos, async ({ params, body, user, now, repos }) => ({
  body: await checkIn(user, params.id, body.code, { repos, now }),
}));
