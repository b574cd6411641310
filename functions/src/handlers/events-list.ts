import { eventsList } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { listCalendar } from '../use-cases/events';

/** GET /v1/events (public calendar) */
export const handler = route(eventsList, eventRepos, async ({ query, now, repos }) => ({
  body: await listCalendar(query, { repos, now }),
}));
