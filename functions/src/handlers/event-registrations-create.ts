import { registrationsCreate } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRegistrationRepos } from '../wiring';
import { register } from '../use-cases/events';

/** POST /v1/events/{id}/registrations */
export const handler = route(
  registrationsCreate,
  eventRegistrationRepos,
  async ({ params, body, user, now, repos }) => ({
    body: await register(user, params.id, body, { repos, now }),
  }),
);
