import { supportRecordsList } from '@jiebang/shared/routes/policy-support';
import { route } from '../http/route';
import { supportRepos } from '../wiring';
import { listSupportRecords } from '../use-cases/policy-support';

/** GET /v1/campaigns/{year}/supported-smes/{orgId}/support (authorities) */
export const handler = route(supportRecordsList, supportRepos, async ({ params, user, now, repos }) => ({
  body: await listSupportRecords(user, params.year, params.orgId, { repos, now }),
}));
