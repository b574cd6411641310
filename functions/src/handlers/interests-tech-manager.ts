import { interestsTechManager } from '@jiebang/shared/routes/library';
import { route } from '../http/route';
import { interestManagerRepos } from '../wiring';
import { attachTechManager } from '../use-cases/library';

/** PUT /v1/interests/{id}/tech-manager */
export const handler = route(
  interestsTechManager,
  interestManagerRepos,
  async ({ params, body, user, now, repos }) => ({
    body: await attachTechManager(user, params.id, body, { repos, now }),
  }),
);
