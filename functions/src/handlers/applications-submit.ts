import { applicationsSubmit } from '@jiebang/shared/routes/applications';
import { route } from '../http/route';
import { applicationRepos } from '../wiring';
import { submitApplication } from '../use-cases/applications';
import { idempotencyKeyOf } from '../use-cases/idempotent';

/** POST /v1/applications/{id}/submit (Idempotency-Key) */
export const handler = route(applicationsSubmit, applicationRepos, async ({ params, headers, user, now, repos }) =>
  submitApplication(user, params.id, idempotencyKeyOf(headers), { repos, now }),
);
