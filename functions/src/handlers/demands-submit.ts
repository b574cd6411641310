import { demandsSubmit } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { demandRepos } from '../wiring';
import { submitDemand } from '../use-cases/demands';
import { idempotencyKeyOf } from '../use-cases/idempotent';

/** POST /v1/demands/{id}/submit (Idempotency-Key) */
export const handler = route(demandsSubmit, demandRepos, async ({ params, body, headers, user, now, repos }) =>
  submitDemand(params.id, body.channel, idempotencyKeyOf(headers), body.sizeReason, { user, now, ...repos }),
);
