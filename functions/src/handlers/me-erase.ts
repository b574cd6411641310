import { eraseMe as eraseMeRoute } from '@jiebang/shared/routes/personal-data';
import { route } from '../http/route';
import { personalDataRepos } from '../wiring';
import { eraseMe } from '../use-cases/personal-data';

/** DELETE /v1/me */
export const handler = route(eraseMeRoute, personalDataRepos, async ({ user, now, repos }) => ({
  body: await eraseMe(user, { now, repos }),
}));
