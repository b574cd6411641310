/**
 * Pre-review of applications (初审): the applicant's provincial authority forwards or returns; the ministry
 * releases forwarded applications to the issuer. Queues are sparse GSI2 partitions the application enters and
 * leaves with its status.
 */
import {
  APPLICATION_STATUSES,
  nextStatus,
  type Application,
  type ApplicationReview,
  type ApplicationReviewQueueQuery,
  type SessionUser,
  links,
} from '@jiebang/shared';
import { authorityActor, isMinistry, provinceOf } from '../auth/roles';
import { Conflict, Forbidden, NotFound } from '../domain/errors';
import { keys } from '../store/keys';
import type { ApplicationChange, ApplicationRecord } from '../store/dynamo-applications';
import { TransactionRefused } from '../store/transact';
import { applicationSummary, applicationView, canSee, type AppDeps } from './applications';
import { submittedSince } from './review-demands';

/** The caller's authority: `ministry` or its region (its queue and its 已审 partition). */
function authorityOf(user: SessionUser): { key: string; queue: string } {
  const region = provinceOf(user);
  if (region) return { key: region, queue: keys.provinceApplicationQueue(region) };
  if (isMinistry(user)) return { key: 'ministry', queue: keys.ministryApplicationQueue };
  throw new Forbidden('仅主管部门可以查看待审核的揭榜申请');
}

/**
 * GET /v1/review/applications: the caller's queue, oldest first (tab=done: what the caller's authority decided,
 * newest first), filtered by the applicant's authority region, the demand's field and submission channel (copied
 * onto the application: `demandFacets`), the submission day (since) and a substring of the demand's title or the
 * applicant's name.
 */
export async function listReviewQueue(user: SessionUser, q: ApplicationReviewQueueQuery, d: AppDeps) {
  const who = authorityOf(user);
  const filter = {
    equals: { authorityRegion: q.region, demandField: q.field, demandChannel: q.channel },
    atLeast: submittedSince(q.since),
    contains: { attributes: ['demandTitle', 'orgName'], text: q.q },
  };
  if (q.tab === 'done') {
    const page = await d.repos.applications.listReviewed(who.key, q.limit, q.cursor, filter);
    return { items: page.items, nextCursor: page.nextCursor };
  }
  const page = await d.repos.applications.listQueue(who.queue, q.limit, q.cursor, filter);
  return { items: page.items.map(applicationSummary), nextCursor: page.nextCursor };
}

const ALLOWED = {
  province: ['forward', 'return'],
  ministry: ['release'],
} as const;

/** POST /v1/review/applications/{id}: forward / return (province), release (ministry). */
export async function reviewApplication(
  user: SessionUser,
  id: string,
  input: ApplicationReview,
  d: AppDeps,
): Promise<Application> {
  const region = provinceOf(user);
  const ministry = isMinistry(user);
  if (!region && !ministry) throw new Forbidden('仅主管部门可以审核揭榜申请');
  const app = await d.repos.applications.get(id);
  // Another province, or an application the ministry may not see yet, does not exist for the caller.
  if (!app || !canSee(user, app) || user.orgId === app.orgId) throw new NotFound('揭榜申请不存在');
  const allowed: readonly string[] = region ? ALLOWED.province : ALLOWED.ministry;
  if (!allowed.includes(input.decision)) {
    throw new Forbidden(
      region ? '省级主管部门可以转报或退回揭榜申请' : '工业和信息化部可以将转报的申请提交发榜企业评审',
    );
  }
  const to = nextStatus(app.status, input.decision);
  if (!to) throw new Conflict(`申请当前状态为“${APPLICATION_STATUSES[app.status]}”，不能进行此操作`, 'INVALID_STATE');
  const at = d.now.toISOString();
  const next: ApplicationRecord = { ...app, status: to, version: app.version + 1, updatedAt: at };
  if (input.decision === 'forward') next.forwardedAt = at;
  if (input.decision === 'release') next.releasedAt = at;
  if (input.decision === 'return') next.returnReason = input.comment!;
  const toApplicant = {
    forward: {
      title: '揭榜申请已通过初审',
      body: `您对“${app.demandTitle}”的揭榜申请已由主管部门转报工业和信息化部。`,
    },
    return: {
      title: '揭榜申请被退回',
      body: `您对“${app.demandTitle}”的揭榜申请被主管部门退回：${(input.comment ?? '').slice(0, 300)}。可在揭榜截止前修改后重新提交。`,
    },
    release: { title: '揭榜申请已提交发榜企业评审', body: `您对“${app.demandTitle}”的揭榜申请已提交发榜企业评审。` },
  }[input.decision];
  const notifications: ApplicationChange['notifications'] = [
    {
      to: `org:${app.orgId}`,
      kind: `application_${input.decision}`,
      ...toApplicant,
      link: links.applicantApplication(id),
      objectType: 'application',
      objectId: id,
      createdAt: at,
    },
  ];
  if (input.decision === 'forward') {
    notifications.push({
      to: 'ministry',
      kind: 'application_to_release',
      title: '有转报的揭榜申请待处理',
      body: `${app.orgName} 对“${app.demandTitle}”的揭榜申请已转报。`,
      link: links.authorityApplication(id),
      objectType: 'application',
      objectId: id,
      createdAt: at,
    });
  }
  if (input.decision === 'release') {
    notifications.push({
      to: `org:${app.issuerOrgId}`,
      kind: 'application_released',
      title: '收到新的揭榜申请',
      body: `${app.orgName} 对“${app.demandTitle}”的揭榜申请可以评审了。`,
      link: links.reviewerRanking(app.demandId),
      objectType: 'application',
      objectId: id,
      createdAt: at,
    });
  }
  const audit = {
    objectType: 'application' as const,
    objectId: id,
    action: input.decision,
    fromStatus: app.status,
    toStatus: to,
    actor: authorityActor(user),
    ...(input.comment ? { comment: input.comment } : {}),
    at,
  };
  // 已审: what this authority decided, in the decision's own transaction (design, issue 18).
  const reviewed = { ...applicationSummary(next), decision: input.decision, decidedAt: at };
  try {
    const extra = [d.repos.applications.reviewedPut(region ?? 'ministry', reviewed)];
    await d.repos.applications.write(next, app, { audit, notifications }, extra);
  } catch (err) {
    if (err instanceof TransactionRefused) throw new Conflict('申请状态已变化，请刷新后重试', 'VERSION_CONFLICT');
    throw err;
  }
  return applicationView(next);
}
