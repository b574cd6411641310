import { auditGet } from '@jiebang/shared/routes/audit';
import { route } from '../http/route';
import { auditRepos } from '../wiring';
import { getAuditTrail } from '../use-cases/audit';

/** GET /v1/audit/{type}/{id} */
export const handler = route(auditGet, auditRepos, async ({ params, user, repos }) => ({
  body: await getAuditTrail(params.type, params.id, { user, repos }),
}));
