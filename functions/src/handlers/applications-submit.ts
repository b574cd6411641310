import { route } from '../http/route';
import { routes } from '../http/spec';
import { submitApplication } from '../use-cases/applications';
import { idempotencyKeyOf } from '../use-cases/idempotent';

/** POST /v1/applications/{id}/submit (Idempotency-Key) */
export const handler = route(routes.applicationsSubmit, async ({ params, headers, user, deps, now }) =>
  submitApplication(user, params.id, idempotencyKeyOf(headers), { repos: deps.repos, now }),
);
