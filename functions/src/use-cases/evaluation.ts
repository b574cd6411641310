/**
 * 评审 (evaluation) by the issuer's reviewers: the released applications of a demand, one score set per reviewer
 * and application (editable until the decision), the ranking, and the applicants' own feedback afterwards.
 * Everything outside the issuer enterprise gets 404 for these demand-scoped routes, as if they did not exist.
 */
import {
  acceptanceOutcomeOf,
  averages,
  averageTotal,
  compareRanked,
  DEFAULT_WEIGHTS,
  scoreDelta,
  thresholdView,
  weightedTotal,
  type Demand,
  type Feedback,
  type RankingLine,
  type RankingQuery,
  type ReleasedApplication,
  type ScoreInput,
  type ScoreSet,
  type SelectionDecision,
  type SessionUser,
} from '@jiebang/shared';
import { inOrg } from '../auth/roles';
import { Conflict, Forbidden, NotFound, InvalidInput } from '../domain/errors';
import type { Repositories } from '../store';
import type { ApplicationRecord } from '../store/dynamo-applications';
import type { DecisionRecord, EvaluationEntry, StoredScoreSet } from '../store/dynamo-evaluation';
import { TransactionRefused } from '../store/transact';

export interface EvalDeps {
  /** Only the repositories these use-cases touch: a handler builds no others. */
  repos: Pick<Repositories, 'applications' | 'demands' | 'evaluation' | 'orgs'>;
  now: Date;
}

/** Roles of the issuer enterprise: any member may read; reviewers (and admins) score; admins decide. */
export const ISSUER_MEMBERS = ['org_admin', 'org_member', 'reviewer'];
export const REVIEWERS = ['reviewer', 'org_admin'];
export const DECIDERS = ['org_admin'];

/** Demand statuses in which the issuer still evaluates (scores may change). */
export const UNDECIDED = new Set<Demand['status']>(['published', 'evaluating']);
/** Demand statuses after the decision. */
export const DECIDED = new Set<Demand['status']>(['selected', 'no_selection', 'in_cooperation', 'completed']);
/** Application statuses after the decision. */
export const DECIDED_APPLICATION = new Set<ApplicationRecord['status']>([
  'selected',
  'not_selected',
  'accepted',
  'acceptance_failed',
]);

const notFound = () => new NotFound('需求不存在');

/** Whether `user` sees `app` as a member of its issuer: released to the issuer (or decided since), and one of it. */
export const issuerSees = (user: SessionUser, app: ApplicationRecord | null): app is ApplicationRecord =>
  !!app &&
  (app.status === 'released' || DECIDED_APPLICATION.has(app.status)) &&
  !!user.orgId &&
  user.orgId === app.issuerOrgId &&
  inOrg(user, app.issuerOrgId, ISSUER_MEMBERS);

/**
 * The demand, if the caller is a member of its issuer with one of `roles`. Non-members get 404 (they may not know
 * what is being evaluated); members without the role get 403.
 */
export async function issuerDemand(
  user: SessionUser,
  demandId: string,
  roles: string[],
  d: EvalDeps,
  what = '此操作',
): Promise<Demand> {
  const demand = await d.repos.demands.get(demandId);
  if (!demand || !user.orgId || user.orgId !== demand.issuerOrgId || !inOrg(user, demand.issuerOrgId, ISSUER_MEMBERS))
    throw notFound();
  if (!inOrg(user, demand.issuerOrgId, roles))
    throw new Forbidden(`仅发榜企业的${roles.includes('reviewer') ? '评审专家或管理员' : '管理员'}可以进行${what}`);
  return demand;
}

export const weightsOf = (d: Demand) => d.weights ?? DEFAULT_WEIGHTS;

function line(e: EvaluationEntry, userId: string): ReleasedApplication {
  return {
    applicationId: e.applicationId,
    demandId: e.demandId,
    orgId: e.orgId,
    orgName: e.orgName,
    orgSize: e.orgSize,
    authorityRegion: e.authorityRegion,
    status: e.status,
    ...(e.releasedAt ? { releasedAt: e.releasedAt } : {}),
    reviewerCount: e.scoreCount,
    scoredByMe: e.scoredBy.includes(userId),
  };
}

/** GET /v1/demands/{id}/applications: released (or decided) applications, one Query page. */
export async function listReleased(
  user: SessionUser,
  demandId: string,
  q: { limit: number; cursor?: string | undefined },
  d: EvalDeps,
) {
  await issuerDemand(user, demandId, ISSUER_MEMBERS, d);
  const page = await d.repos.evaluation.listEntries(demandId, q.limit, q.cursor);
  return { items: page.items.map((e) => line(e, user.id)), nextCursor: page.nextCursor };
}

export function scoreView(s: StoredScoreSet, demand: Demand): ScoreSet {
  return {
    applicationId: s.applicationId,
    demandId: s.demandId,
    reviewerId: s.reviewerId,
    team: s.team,
    capability: s.capability,
    plan: s.plan,
    match: s.match,
    ...(s.comment ? { comment: s.comment } : {}),
    total: weightedTotal(s, weightsOf(demand)),
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The application and its demand for an issuer member with `roles`; 404 unless the issuer may see it. */
async function issuerApplication(user: SessionUser, applicationId: string, roles: string[], d: EvalDeps, what: string) {
  const app = await d.repos.applications.get(applicationId);
  if (!issuerSees(user, app)) throw new NotFound('揭榜申请不存在');
  const demand = await issuerDemand(user, app.demandId, roles, d, what);
  return { app, demand };
}

/** PUT /v1/applications/{id}/scores: the caller's score set, created or replaced until the decision. */
export async function putScore(
  user: SessionUser,
  applicationId: string,
  input: ScoreInput,
  d: EvalDeps,
): Promise<ScoreSet> {
  const { app, demand } = await issuerApplication(user, applicationId, REVIEWERS, d, '评分');
  if (!UNDECIDED.has(demand.status) || app.status !== 'released') {
    throw new Conflict('该需求已完成遴选，评分不能再修改', 'ALREADY_DECIDED');
  }
  const previous = await d.repos.evaluation.getScore(demand.id, app.id, user.id);
  const at = d.now.toISOString();
  const set: StoredScoreSet = {
    applicationId: app.id,
    demandId: demand.id,
    reviewerId: user.id,
    team: input.team,
    capability: input.capability,
    plan: input.plan,
    match: input.match,
    ...(input.comment ? { comment: input.comment } : {}),
    version: (previous?.version ?? 0) + 1,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
  };
  try {
    await d.repos.evaluation.putScore(set, previous, scoreDelta(input, previous));
  } catch (err) {
    if (!(err instanceof TransactionRefused)) throw err;
    if (err.by('demand_decided') || err.by('application_not_released'))
      throw new Conflict('该需求已完成遴选或申请已撤回，评分未保存', 'ALREADY_DECIDED');
    throw new Conflict('您的评分刚刚在另一处被修改，请刷新后重试', 'VERSION_CONFLICT');
  }
  return scoreView(set, demand);
}

/** GET /v1/applications/{id}/scores: the caller's own set; the issuer's admins also get every reviewer's set. */
export async function getScores(user: SessionUser, applicationId: string, d: EvalDeps) {
  const { app, demand } = await issuerApplication(user, applicationId, ISSUER_MEMBERS, d, '查看评分');
  const admin = inOrg(user, demand.issuerOrgId, ['org_admin']);
  const [mine, all] = await Promise.all([
    d.repos.evaluation.getScore(demand.id, app.id, user.id),
    admin ? d.repos.evaluation.scoresOf(demand.id, app.id) : Promise.resolve([]),
  ]);
  return {
    mine: mine ? scoreView(mine, demand) : null,
    sets: all.map((s) => scoreView(s, demand)),
    weights: weightsOf(demand),
    editable: UNDECIDED.has(demand.status) && app.status === 'released',
  };
}

export function decisionView(r: DecisionRecord): SelectionDecision {
  return {
    demandId: r.demandId,
    outcome: r.outcome,
    applicationIds: r.applicationIds,
    justification: r.justification,
    shareComments: r.shareComments,
    lowestSelectedTotal: r.lowestSelectedTotal,
    decidedAt: r.decidedAt,
    notSelectedCount: r.notSelectedCount,
    fanoutPending: r.fanoutPending,
  };
}

/** Opaque ranking cursor: the offset into the sorted ranking and the sort it belongs to. */
function encodeRankCursor(offset: number, sort: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: sort }), 'utf8').toString('base64url');
}
function decodeRankCursor(cursor: string | undefined, sort: string): number {
  if (cursor === undefined) return 0;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    if (typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0 && v.o < 1e6 && v.s === sort) return v.o;
  } catch {
    // fall through
  }
  throw new InvalidInput('分页游标无效，请从第一页重新加载', { cursor: '分页游标无效' });
}

/**
 * GET /v1/demands/{id}/ranking. Sorting needs every application's aggregate, so the ranking reads all entries of
 * the demand — small items (≈400 B), so one Query page up to ~2,500 applications — sorts them and returns the
 * requested page. No score set is read.
 */
export async function ranking(user: SessionUser, demandId: string, q: RankingQuery, d: EvalDeps) {
  const demand = await issuerDemand(user, demandId, ISSUER_MEMBERS, d);
  const weights = weightsOf(demand);
  const [entries, decision] = await Promise.all([
    d.repos.evaluation.allEntries(demandId),
    d.repos.evaluation.getDecision(demandId),
  ]);
  const lines = entries
    .filter((e) => e.status !== 'withdrawn')
    .map((e) => {
      const sums = { sums: e.sums, count: e.scoreCount };
      return { ...line(e, user.id), total: averageTotal(sums, weights), averages: averages(sums) };
    })
    .sort(compareRanked(q.sort));
  const offset = decodeRankCursor(q.cursor, q.sort);
  const items: RankingLine[] = lines.slice(offset, offset + q.limit).map((l, i) => ({ ...l, rank: offset + i + 1 }));
  const next = offset + q.limit < lines.length ? encodeRankCursor(offset + q.limit, q.sort) : null;
  return {
    items,
    nextCursor: next,
    sort: q.sort,
    weights,
    counts: { applications: lines.length, scoredByMe: lines.filter((l) => l.scoredByMe).length },
    decision: decision ? decisionView(decision) : null,
  };
}

/**
 * GET /v1/applications/{id}/feedback: the applicant's own averages and total, and the threshold (lowest selected
 * total) — nothing that identifies or scores another applicant. Reviewers' comments only when the issuer chose to
 * share them, and never with a reviewer's identity.
 */
export async function feedback(user: SessionUser, applicationId: string, d: EvalDeps): Promise<Feedback> {
  const app = await d.repos.applications.get(applicationId);
  if (!app || !user.orgId || user.orgId !== app.orgId || !inOrg(user, app.orgId, ['org_admin', 'org_member'])) {
    throw new NotFound('揭榜申请不存在');
  }
  if (!DECIDED_APPLICATION.has(app.status)) throw new Conflict('发榜企业尚未完成遴选，暂无评审反馈', 'NOT_DECIDED');
  const [entry, decision] = await Promise.all([
    d.repos.evaluation.getEntry(app.demandId, app.id),
    d.repos.evaluation.getDecision(app.demandId),
  ]);
  if (!entry || !decision) throw new Conflict('发榜企业尚未完成遴选，暂无评审反馈', 'NOT_DECIDED');
  const sums = { sums: entry.sums, count: entry.scoreCount };
  const comments = decision.shareComments
    ? (await d.repos.evaluation.scoresOf(app.demandId, app.id)).map((s) => s.comment ?? '').filter((c) => c.length > 0)
    : undefined;
  const acceptance = (app as ApplicationRecord & { acceptance?: Feedback['acceptance'] }).acceptance;
  return {
    applicationId: app.id,
    demandId: app.demandId,
    demandTitle: app.demandTitle,
    status: app.status,
    weights: decision.weights,
    averages: averages(sums),
    total: averageTotal(sums, decision.weights),
    reviewerCount: entry.scoreCount,
    threshold: thresholdView(decision.lowestSelectedTotal, decision.applicationIds.length),
    decidedAt: decision.decidedAt,
    ...(comments ? { comments } : {}),
    ...(acceptance
      ? {
          acceptance: {
            result: acceptance.result,
            supplierCatalogue: acceptance.supplierCatalogue,
            outcome: acceptanceOutcomeOf(acceptance),
            comment: acceptance.comment,
            recordedAt: acceptance.recordedAt,
          },
        }
      : {}),
  };
}
