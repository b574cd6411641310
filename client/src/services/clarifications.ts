import '../lib/zod-setup';
import type { IssuerQuestions, PublicQuestions, Question } from '@jiebang/shared';
import {
  questionsAnswer,
  questionsAsk,
  questionsOfDemand,
  questionsPublic,
} from '@jiebang/shared/routes/clarifications';
import { call } from './api';

/** The demand's public answered questions and until when one may ask. */
export function publicList(demandId: string): Promise<PublicQuestions> {
  return call(questionsPublic, { params: { id: demandId } });
}

/** Ask as the caller's enterprise; the issuer never learns who asked. */
export function ask(demandId: string, text: string): Promise<Question> {
  return call(questionsAsk, { params: { id: demandId }, body: { text } });
}

/** Every question of one of the caller's enterprise's demands, unanswered first. */
export function ofDemand(demandId: string): Promise<IssuerQuestions> {
  return call(questionsOfDemand, { params: { id: demandId } });
}

/** Answer a question: public at once. */
export function answer(demandId: string, qid: string, text: string): Promise<Question> {
  return call(questionsAnswer, { params: { id: demandId, qid }, body: { text } });
}
