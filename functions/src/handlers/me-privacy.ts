import { acceptPrivacy as acceptPrivacyRoute } from '@jiebang/shared/routes/personal-data';
import { route } from '../http/route';
import { personalDataRepos } from '../wiring';
import { acceptPrivacy } from '../use-cases/personal-data';

/** POST /v1/me/privacy */
export const handler = route(acceptPrivacyRoute, personalDataRepos, async ({ user, body, now, repos }) => ({
  body: await acceptPrivacy(user, body.version, { now, repos }),
}));
