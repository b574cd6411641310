import { orgsCreate } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { orgRepos } from '../wiring';
import { registerOrg } from '../use-cases/orgs';

/** POST /v1/orgs */
export const handler = route(orgsCreate, orgRepos, async ({ body, user, now, deps, repos }) => ({
  body: await registerOrg(user, body, { repos, tokens: deps.tokens, now }),
}));
