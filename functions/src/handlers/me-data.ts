import { myData as myDataRoute } from '@jiebang/shared/routes/personal-data';
import { route } from '../http/route';
import { personalDataRepos } from '../wiring';
import { myData } from '../use-cases/personal-data';

/** GET /v1/me/data */
export const handler = route(myDataRoute, personalDataRepos, async ({ user, now, repos }) => ({
  body: await myData(user, { now, repos }),
}));
