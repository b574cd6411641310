import { registrationGetMine } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { myRegistration } from '../use-cases/events';

/** GET /v1/events/{id}/registration */
export const handler = route(registrationGetMine, eventRepos, async ({ params, user, now, repos }) => ({
  body: await myRegistration(user, params.id, { repos, now }),
}));
