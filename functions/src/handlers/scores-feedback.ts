import { feedbackGet } from '@jiebang/shared/routes/evaluation';
import { route } from '../http/route';
import { evaluationRepos } from '../wiring';
import { feedback } from '../use-cases/evaluation';

/** GET /v1/applications/{id}/feedback */
export const handler = route(feedbackGet, evaluationRepos, async ({ params, user, now, repos }) => ({
  body: await feedback(user, params.id, { repos, now }),
}));
