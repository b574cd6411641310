import { applicationStampedScan } from '@jiebang/shared/routes/paper';
import { route } from '../http/route';
import { paperRepos } from '../wiring';
import { recordApplicationScan } from '../use-cases/paper-scans';

/** PUT /v1/applications/{id}/stamped-scan (盖章申请书扫描件) */
export const handler = route(applicationStampedScan, paperRepos, async ({ params, body, user, now, repos }) => ({
  body: await recordApplicationScan(user, params.id, body, { repos, now }),
}));
