import { outcomesCreate } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { recordOutcome } from '../use-cases/events';

/** POST /v1/events/{id}/outcomes */
export const handler = route(outcomesCreate, eventRepos, async ({ params, body, user, now, repos }) => ({
  body: await recordOutcome(user, params.id, body, { repos, now }),
}));
