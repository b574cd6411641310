import { eventsCancel } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { cancelEvent } from '../use-cases/events';

/** POST /v1/events/{id}/cancel */
export const handler = route(eventsCancel, eventRepos, async ({ params, body, user, now, repos }) => ({
  body: await cancelEvent(user, params.id, body.reason, { repos, now }),
}));
