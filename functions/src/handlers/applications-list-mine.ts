import { applicationsListMine } from '@jiebang/shared/routes/applications';
import { route } from '../http/route';
import { applicationRepos } from '../wiring';
import { listMyApplications } from '../use-cases/applications';

/** GET /v1/applications?mine=1 */
export const handler = route(applicationsListMine, applicationRepos, async ({ query, user, now, repos }) => ({
  body: await listMyApplications(user, query, { repos, now }),
}));
