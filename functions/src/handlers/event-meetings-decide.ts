import { meetingsDecide } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { decideMeeting } from '../use-cases/events';

/** POST /v1/meetings/{id} */
export const handler = route(meetingsDecide, eventRepos, async ({ params, body, user, now, repos }) => ({
  body: await decideMeeting(user, params.id, body.decision, { repos, now }),
}));
