import { supportRecordsCreate } from '@jiebang/shared/routes/policy-support';
import { route } from '../http/route';
import { supportRepos } from '../wiring';
import { recordSupport } from '../use-cases/policy-support';
import { idempotencyKeyOf } from '../use-cases/idempotent';

/** POST /v1/campaigns/{year}/supported-smes/{orgId}/support (authorities; Idempotency-Key) */
export const handler = route(supportRecordsCreate, supportRepos, async ({ params, body, headers, user, now, repos }) =>
  recordSupport(user, params.year, params.orgId, body, idempotencyKeyOf(headers), { repos, now }),
);
