import { questionsOfDemand } from '@jiebang/shared/routes/clarifications';
import { route } from '../http/route';
import { clarificationRepos } from '../wiring';
import { issuerQuestions } from '../use-cases/clarifications';

/** GET /v1/demands/{id}/questions */
export const handler = route(questionsOfDemand, clarificationRepos, async ({ params, user, now, repos }) => ({
  body: await issuerQuestions(user, params.id, { now, repos }),
}));
