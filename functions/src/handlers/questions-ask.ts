import { questionsAsk } from '@jiebang/shared/routes/clarifications';
import { route } from '../http/route';
import { clarificationRepos } from '../wiring';
import { askQuestion } from '../use-cases/clarifications';

/** POST /v1/catalogue/{id}/questions */
export const handler = route(questionsAsk, clarificationRepos, async ({ params, body, user, now, repos }) => ({
  body: await askQuestion(user, params.id, body, { now, repos }),
}));
