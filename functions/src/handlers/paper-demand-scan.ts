import { demandStampedScan } from '@jiebang/shared/routes/paper';
import { route } from '../http/route';
import { paperRepos } from '../wiring';
import { recordDemandScan } from '../use-cases/paper-scans';

/** PUT /v1/demands/{id}/stamped-scan (盖章需求表扫描件) */
export const handler = route(demandStampedScan, paperRepos, async ({ params, body, user, now, repos }) => ({
  body: await recordDemandScan(user, params.id, body, { repos, now }),
}));
