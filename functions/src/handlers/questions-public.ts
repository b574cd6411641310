import { questionsPublic } from '@jiebang/shared/routes/clarifications';
import { route } from '../http/route';
import { clarificationRepos } from '../wiring';
import { publicQuestions } from '../use-cases/clarifications';

/** GET /v1/catalogue/{id}/questions */
export const handler = route(questionsPublic, clarificationRepos, async ({ params, now, repos }) => ({
  body: await publicQuestions(params.id, { now, repos }),
}));
