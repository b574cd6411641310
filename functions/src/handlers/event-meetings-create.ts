import { meetingsCreate } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { requestMeeting } from '../use-cases/events';

/** POST /v1/events/{id}/meetings */
export const handler = route(meetingsCreate, eventRepos, async ({ params, body, user, now, repos }) => ({
  body: await requestMeeting(user, params.id, body, { repos, now }),
}));
