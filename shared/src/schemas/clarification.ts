/**
 * Clarifications (答疑) on a published demand: questions from enterprises, the issuer's answers. No shape here
 * carries who asked: the asker is kept on the stored question only, for rate and abuse checks.
 */
import * as z from 'zod';
import { idOut, stampOut, textField } from './common';

/** POST /v1/catalogue/{id}/questions */
export const questionInputSchema = /* @__PURE__ */ (() => z.strictObject({ text: textField('问题', 500, 5) }))();
export type QuestionInput = z.infer<typeof questionInputSchema>;

/** POST /v1/demands/{id}/questions/{qid}/answer */
export const answerInputSchema = /* @__PURE__ */ (() => z.strictObject({ text: textField('答复', 2000, 2) }))();
export type AnswerInput = z.infer<typeof answerInputSchema>;

/** A question as the issuer and the asker see it: never who asked. */
export const questionSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    demandId: idOut,
    text: z.string().max(500),
    status: z.enum(['open', 'answered']),
    askedAt: stampOut,
    answer: z.string().max(2000).optional(),
    answeredAt: stampOut.optional(),
  }))();
export type Question = z.infer<typeof questionSchema>;

/** GET /v1/catalogue/{id}/questions: the answered questions, oldest first, and whether one may still ask. */
export const publicQuestionsSchema = /* @__PURE__ */ (() =>
  z.object({
    items: z.array(questionSchema),
    /** Questions close at this instant (5 days before the application deadline). */
    questionDeadline: stampOut,
    open: z.boolean(),
  }))();
export type PublicQuestions = z.infer<typeof publicQuestionsSchema>;

/** GET /v1/demands/{id}/questions: every question of the issuer's demand, unanswered first. */
export const issuerQuestionsSchema = /* @__PURE__ */ (() =>
  z.object({ items: z.array(questionSchema), unanswered: z.number().int() }))();
export type IssuerQuestions = z.infer<typeof issuerQuestionsSchema>;
