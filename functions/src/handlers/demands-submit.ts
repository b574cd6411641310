import { route } from '../http/route';
import { routes } from '../http/spec';
import { submitDemand } from '../use-cases/demands';
import { idempotencyKeyOf } from '../use-cases/idempotent';

/** POST /v1/demands/{id}/submit (Idempotency-Key) */
export const handler = route(routes.demandsSubmit, async ({ params, body, headers, user, deps, now }) =>
  submitDemand(params.id, body.channel, idempotencyKeyOf(headers), { user, now, ...deps.repos }),
);
