/**
 * Routes of clarifications (答疑, trust): ask on a published demand, the issuer answers, the answered ones are
 * public. Never who asked, anywhere.
 */
import {
  answerInputSchema,
  issuerQuestionsSchema,
  publicQuestionsSchema,
  questionInputSchema,
  questionSchema,
} from '../schemas/clarification';
import { defineRoute, rateLimit } from './define';

export const questionsAsk = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/catalogue/{id}/questions',
  summary: '就已发布的需求提问（企业成员；截至揭榜截止前 5 天）；答复后公开，不显示提问企业',
  body: questionInputSchema,
  response: questionSchema,
  status: 201,
  errors: [403, 422],
  steps: [/* @__PURE__ */ rateLimit('questions')],
});

export const questionsPublic = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/catalogue/{id}/questions',
  summary: '需求的公开答疑（已答复的问题，不含提问企业），以及提问截止时间',
  auth: 'none',
  response: publicQuestionsSchema,
});

export const questionsOfDemand = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/demands/{id}/questions',
  summary: '本企业需求收到的全部问题（发榜企业成员），未答复的在前；不含提问企业',
  response: issuerQuestionsSchema,
});

export const questionsAnswer = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/demands/{id}/questions/{qid}/answer',
  summary: '答复问题（发榜企业成员）；答复即公开，并通知关注该需求和正在填写申请的企业',
  body: answerInputSchema,
  response: questionSchema,
  errors: [403, 409],
});
