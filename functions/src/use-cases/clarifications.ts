/**
 * Clarifications (答疑, trust; programmes.md §5): a member of any enterprise but the issuer asks on a published
 * demand until 5 days before its deadline (server clock); the issuer's members get a to-do and answer; an answer
 * is public at once and notified to whoever follows the demand or drafts an application to it, and to the asker's
 * enterprise. Nothing here returns or notifies who asked; nothing an outsider receives names an anonymous issuer.
 */
import {
  links,
  mayAsk,
  questionDeadline,
  type AnswerInput,
  type IssuerQuestions,
  type Notification,
  type PublicQuestions,
  type Question,
  type QuestionInput,
  type SessionUser,
} from '@jiebang/shared';
import { ulid } from 'ulid';
import { inOrg } from '../auth/roles';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../domain/errors';
import { isPublic } from '../domain/publication';
import type { DynamoClarificationRepository, QuestionRecord } from '../store/dynamo-clarifications';
import type { DynamoNotificationRepository } from '../store/dynamo-notifications';
import type { DemandRepository } from '../store/repositories';
import { TransactionRefused } from '../store/transact';

export interface ClarificationDeps {
  now: Date;
  repos: {
    demands: Pick<DemandRepository, 'get'>;
    clarifications: DynamoClarificationRepository;
    notifications: Pick<DynamoNotificationRepository, 'watchers'>;
  };
}

/** Members who speak for an enterprise's demands: they see the questions and answer them (reviewers included). */
const ISSUER_MEMBERS = ['org_admin', 'org_member', 'reviewer'];

/** A question as anyone may see it: the asker's fields are left behind. */
export function questionView(q: QuestionRecord): Question {
  return {
    id: q.id,
    demandId: q.demandId,
    text: q.text,
    status: q.status,
    askedAt: q.askedAt,
    ...(q.answer !== undefined ? { answer: q.answer } : {}),
    ...(q.answeredAt ? { answeredAt: q.answeredAt } : {}),
  };
}

const demandGone = () => new NotFound('该需求不存在或未在需求目录中');

/** POST /v1/catalogue/{id}/questions */
export async function askQuestion(
  user: SessionUser,
  demandId: string,
  input: QuestionInput,
  d: ClarificationDeps,
): Promise<Question> {
  if (!user.orgId) throw new Forbidden('请先登记企业，再以企业身份提问');
  const demand = await d.repos.demands.get(demandId);
  if (!demand || !isPublic(demand)) throw demandGone();
  if (user.orgId === demand.issuerOrgId) throw new Forbidden('发榜企业不能就自己的需求提问');
  if (demand.status !== 'published' || !mayAsk(demand.applicationDeadline, d.now)) {
    throw new RuleViolation(
      'QUESTIONS_CLOSED',
      '提问已截止：揭榜截止前 5 天停止提问。请查看已公开的答疑，或直接按需求内容准备申请。',
    );
  }
  const at = d.now.toISOString();
  const q: QuestionRecord = {
    id: ulid(d.now.getTime()),
    demandId,
    text: input.text,
    status: 'open',
    askedAt: at,
    askerOrgId: user.orgId,
    askerUserId: user.id,
  };
  const todo: Omit<Notification, 'id'> = {
    to: `org:${demand.issuerOrgId}`,
    kind: 'question_asked',
    title: '需求收到新的提问',
    body: `您发布的需求「${demand.title}」收到一个新问题。答复后将公开在需求页（不显示提问企业），请及时答复。`,
    link: links.issuerQuestions(demandId),
    objectType: 'demand',
    objectId: demandId,
    createdAt: at,
  };
  try {
    await d.repos.clarifications.ask(q, [todo]);
  } catch (err) {
    if (err instanceof TransactionRefused && err.by('demand_not_open'))
      throw new RuleViolation('QUESTIONS_CLOSED', '该需求已不在揭榜期，不能再提问');
    throw err;
  }
  return questionView(q);
}

/** GET /v1/catalogue/{id}/questions: the answered ones, in asking order, and the question deadline. */
export async function publicQuestions(demandId: string, d: ClarificationDeps): Promise<PublicQuestions> {
  const demand = await d.repos.demands.get(demandId);
  if (!demand || !isPublic(demand)) throw demandGone();
  const all = await d.repos.clarifications.list(demandId);
  return {
    items: all.filter((q) => q.status === 'answered').map(questionView),
    questionDeadline: questionDeadline(demand.applicationDeadline),
    open: demand.status === 'published' && mayAsk(demand.applicationDeadline, d.now),
  };
}

/** The demand, for a member of its issuer; 404 to everyone else. */
async function issuersDemand(user: SessionUser, demandId: string, d: ClarificationDeps) {
  const demand = await d.repos.demands.get(demandId);
  if (!demand || !inOrg(user, demand.issuerOrgId, ISSUER_MEMBERS)) throw new NotFound('该需求不存在或您无权查看');
  return demand;
}

/** GET /v1/demands/{id}/questions: the issuer's members; 404 to everyone else. */
export async function issuerQuestions(
  user: SessionUser,
  demandId: string,
  d: ClarificationDeps,
): Promise<IssuerQuestions> {
  await issuersDemand(user, demandId, d);
  const all = await d.repos.clarifications.list(demandId);
  const open = all.filter((q) => q.status === 'open');
  return { items: [...open, ...all.filter((q) => q.status === 'answered')].map(questionView), unanswered: open.length };
}

/** POST /v1/demands/{id}/questions/{qid}/answer */
export async function answerQuestion(
  user: SessionUser,
  demandId: string,
  qid: string,
  input: AnswerInput,
  d: ClarificationDeps,
): Promise<Question> {
  const demand = await issuersDemand(user, demandId, d);
  const q = await d.repos.clarifications.get(demandId, qid);
  if (!q) throw new NotFound('该问题不存在');
  if (q.status === 'answered') throw new Conflict('该问题已经答复过了', 'ALREADY_ANSWERED');
  const at = d.now.toISOString();
  // Who hears of the answer: whoever follows the demand, whoever drafts an application to it, the asker's
  // enterprise — by principal, once each, never the issuer itself.
  const [watchers, drafting] = await Promise.all([
    d.repos.notifications.watchers(demandId),
    d.repos.clarifications.draftingOrgs(demandId),
  ]);
  const orgs = new Set([q.askerOrgId, ...drafting]);
  const users = watchers.filter((w) => !w.orgId || !orgs.has(w.orgId)).map((w) => `user:${w.userId}`);
  const principals = [...new Set([...[...orgs].map((o) => `org:${o}`), ...users])].filter(
    (p) => p !== `org:${demand.issuerOrgId}`,
  );
  const notice = (to: string): Omit<Notification, 'id'> => ({
    to,
    kind: 'question_answered',
    title: '需求答疑有更新',
    body: `需求「${demand.title}」有新的公开答疑，请在需求页查看。`,
    link: links.publicDemand(demandId),
    objectType: 'demand',
    objectId: demandId,
    createdAt: at,
  });
  try {
    await d.repos.clarifications.answer(
      q,
      { text: input.text, at, by: user.id },
      {
        objectType: 'demand',
        objectId: demandId,
        action: 'answer_question',
        actor: {
          userId: user.id,
          role: user.roles.find((r) => ISSUER_MEMBERS.includes(r)) ?? 'org_member',
          orgId: demand.issuerOrgId,
          name: demand.issuerName,
        },
        comment: `答疑：${q.text.slice(0, 60)}`,
        at,
      },
      principals.map(notice),
    );
  } catch (err) {
    if (err instanceof TransactionRefused && err.by('question_answered'))
      throw new Conflict('该问题已经答复过了', 'ALREADY_ANSWERED');
    throw err;
  }
  return questionView({ ...q, status: 'answered', answer: input.text, answeredAt: at });
}
