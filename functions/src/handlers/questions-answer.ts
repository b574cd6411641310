import { questionsAnswer } from '@jiebang/shared/routes/clarifications';
import { route } from '../http/route';
import { clarificationRepos } from '../wiring';
import { answerQuestion } from '../use-cases/clarifications';

/** POST /v1/demands/{id}/questions/{qid}/answer */
export const handler = route(questionsAnswer, clarificationRepos, async ({ params, body, user, now, repos }) => ({
  body: await answerQuestion(user, params.id, params.qid, body, { now, repos }),
}));
