import { registrationsMine } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { listMyRegistrations } from '../use-cases/events';

/** GET /v1/registrations */
export const handler = route(registrationsMine, eventRepos, async ({ query, user, now, repos }) => ({
  body: await listMyRegistrations(user, query, { repos, now }),
}));
