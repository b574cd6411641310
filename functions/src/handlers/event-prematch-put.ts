import { prematchPut } from '@jiebang/shared/routes/events';
import { route } from '../http/route';
import { eventRepos } from '../wiring';
import { fixPrematch } from '../use-cases/events';

/** PUT /v1/events/{id}/prematch */
export const handler = route(prematchPut, eventRepos, async ({ params, body, user, now, repos }) => ({
  body: await fixPrematch(user, params.id, body.pairs, { repos, now }),
}));
