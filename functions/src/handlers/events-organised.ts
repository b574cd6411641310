import { eventsOrganised } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { listOrganised } from '../use-cases/events';

/** GET /v1/organiser/events */
export const handler = route(eventsOrganised, eventRepos, async ({ query, user, now, repos }) => ({
  body: await listOrganised(user, query, { repos, now }),
}));
