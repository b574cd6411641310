import { auditVerify } from '@jiebang/shared/routes/audit';
import { route } from '../http/route';
import { auditRepos } from '../wiring';
import { verifyAuditTrail } from '../use-cases/audit';

/** GET /v1/audit/{type}/{id}/verify */
export const handler = route(auditVerify, auditRepos, async ({ params, user, repos }) => ({
  body: await verifyAuditTrail(params.type, params.id, { user, repos }),
}));
