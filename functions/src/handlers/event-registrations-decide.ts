import { registrationsDecide } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { decideRegistration } from '../use-cases/events';

/** POST /v1/events/{id}/registrations/{regId} */
export const handler = route(registrationsDecide, eventRepos, async ({ params, body, user, now, repos }) => ({
  body: await decideRegistration(user, params.id, params.regId, body, { repos, now }),
}));
