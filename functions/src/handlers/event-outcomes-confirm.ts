import { outcomesConfirm } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { confirmOutcome } from '../use-cases/events';

/** POST /v1/outcomes/{id}/confirm */
export const handler = route(outcomesConfirm, eventRepos, async ({ params, user, now, repos }) => ({
  body: await confirmOutcome(user, params.id, { repos, now }),
}));
