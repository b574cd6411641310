import { registrationsList } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { listRegistrations } from '../use-cases/events';

/** GET /v1/events/{id}/registrations */
export const handler = route(registrationsList, eventRepos, async ({ params, query, user, now, repos }) => ({
  body: await listRegistrations(user, params.id, query, { repos, now }),
}));
