/**
 * The authorities' side of a demand: the review queue and the decisions (province: forward / return; ministry:
 * publish / return / reject). A decision is one transaction: the demand's new state (conditional on the status
 * and version it was decided on, so two reviewers at once cannot both succeed), its audit event, the
 * notification to the issuer's members, and on publication the catalogue cards.
 */
import {
  DEMAND_STATUSES,
  SIZE_LABELS,
  before,
  formatShanghai,
  isOpen,
  mayEverTake,
  nextDemandStatus,
  type Demand,
  type DemandReview,
  type DemandQueueItem,
  type DemandReviewQueueQuery,
  type Notification,
  type SessionUser,
  links,
} from '@jiebang/shared';
import { authorityActor, isMinistry, provinceOf } from '../auth/roles';
import { Conflict, Forbidden, RuleViolation } from '../domain/errors';
import type { CampaignRepository, DemandQueue, DemandRepository, Page } from '../store/repositories';
import { demandNotFound, toSummary, viewerOf } from './demands';

interface ReviewDeps {
  user: SessionUser;
  demands: DemandRepository;
  campaigns: CampaignRepository;
  now: Date;
}

function authorityOf(user: SessionUser): { actor: 'ministry' } | { actor: 'province'; region: string } {
  if (isMinistry(user)) return { actor: 'ministry' };
  const region = provinceOf(user);
  if (region) return { actor: 'province', region };
  throw new Forbidden('只有中小企业主管部门和工业和信息化部可以审核需求');
}

/** The queues' `since` (a Beijing day) as a lower bound of `submittedAt`, stored in UTC: 16:00 UTC the day before. */
export const submittedSince = (since: string | undefined) => ({
  submittedAt: since ? new Date(`${since}T00:00:00+08:00`).toISOString() : undefined,
});

/**
 * GET /v1/review/demands: the caller's queue, oldest first (tab=done: what the caller's authority decided, newest
 * first), filtered by the issuer's authority region, the field, the channel, the submission day (since) and a
 * substring of the title, and how many pass.
 */
export async function listReviewQueue(
  q: DemandReviewQueueQuery,
  d: Pick<ReviewDeps, 'user' | 'demands'>,
): Promise<Page<DemandQueueItem> & { counts: { total: number } }> {
  const who = authorityOf(d.user);
  const filter = {
    equals: { region: q.region, field: q.field, channel: q.channel },
    atLeast: submittedSince(q.since),
    contains: { attributes: ['title'], text: q.q },
  };
  if (q.tab === 'done') {
    const page = await d.demands.listReviewed(authorityKey(who), q.limit, q.cursor, filter);
    return { items: page.items, nextCursor: page.nextCursor, counts: { total: page.total } };
  }
  const queue: DemandQueue = who.actor === 'ministry' ? { kind: 'ministry' } : { kind: 'province', region: who.region };
  const page = await d.demands.listQueue(queue, q.limit, q.cursor, filter);
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor, counts: { total: page.total } };
}

/** The authority's own key: `ministry` or its region (its 已审 partition). */
const authorityKey = (who: ReturnType<typeof authorityOf>) => (who.actor === 'ministry' ? 'ministry' : who.region);

const NOTICE: Record<DemandReview['decision'], { title: string; text: string }> = {
  forward: { title: '需求已通过省级初核', text: '已通过省级主管部门初核，转报工业和信息化部审核。' },
  return: { title: '需求被退回，请修改后重新报送', text: '被退回，请按审核意见修改后重新报送。' },
  publish: { title: '需求已发布到需求目录', text: '已发布到需求目录，中小企业可以揭榜。' },
  reject: { title: '需求未通过审核', text: '未通过可行性审核，不予发布。' },
};

/** POST /v1/review/demands/{id} */
export async function reviewDemand(id: string, review: DemandReview, d: ReviewDeps): Promise<Demand> {
  const who = authorityOf(d.user);
  if (!mayEverTake(review.decision, who.actor)) {
    throw new Forbidden(
      who.actor === 'province' ? '省级主管部门只能转报或退回需求' : '工业和信息化部只能发布、退回或不予发布需求',
    );
  }
  const demand = await d.demands.get(id);
  // Another province's demand, or a draft never submitted, does not exist for this reviewer.
  if (!demand || viewerOf(d.user, demand) !== who.actor) throw demandNotFound();
  const next = nextDemandStatus(review.decision, who.actor, demand);
  if (!next) {
    throw new Conflict(`该需求当前状态为“${DEMAND_STATUSES[demand.status]}”，不能进行此操作`, 'INVALID_STATE');
  }
  if (review.decision === 'publish' && !isOpen(demand.applicationDeadline, d.now)) {
    throw new RuleViolation('DEADLINE_PASSED', '该需求的揭榜截止时间已过，请退回发榜方修改后再发布');
  }
  const confirmsSize = await letterChecks(demand, review, d);
  const at = d.now.toISOString();
  const after: Demand = {
    ...demand,
    status: next,
    version: demand.version + 1,
    updatedAt: at,
    ...(review.decision === 'forward' ? { forwardedAt: at } : {}),
    ...(review.decision === 'publish' ? { publishedAt: at } : {}),
    ...(confirmsSize ? { issuerSizeConfirmedAt: at } : {}),
  };
  const notice = NOTICE[review.decision];
  const notifications: Omit<Notification, 'id'>[] = [
    {
      // To the issuer's own members only: they may read their own name; nobody else is told.
      to: `org:${demand.issuerOrgId}`,
      kind: `demand_${review.decision}`,
      title: notice.title,
      body: `您的需求《${demand.title}》${notice.text}${review.comment ? `审核意见：${review.comment}` : ''}`.slice(
        0,
        500,
      ),
      link: links.issuerDemand(id),
      objectType: 'demand',
      objectId: id,
      createdAt: at,
    },
  ];
  if (review.decision === 'forward') {
    notifications.push({
      to: 'ministry',
      kind: 'demand_forwarded',
      title: '有新的转报需求待审核',
      body: `需求《${demand.title}》已由省级主管部门转报，请及时审核。`,
      link: links.authorityDemand(id),
      objectType: 'demand',
      objectId: id,
      createdAt: at,
    });
  }
  const audit = {
    objectType: 'demand' as const,
    objectId: id,
    action: review.decision,
    fromStatus: demand.status,
    toStatus: next,
    actor: authorityActor(d.user),
    ...(review.comment ? { comment: review.comment } : {}),
    at,
  };
  // 已审: what this authority decided, in the decision's own transaction (design, issue 18).
  const reviewed = { ...toSummary(after), decision: review.decision, decidedAt: at };
  const extra = [d.demands.reviewedPut(authorityKey(who), reviewed)];
  const ok = await d.demands.transition(demand, after, { audit, notifications }, extra);
  if (!ok) throw new Conflict('该需求已被其他审核人员处理，请刷新后查看', 'CONFLICT');
  return after;
}

// 221号 to the letter (issue 16)

/**
 * The province's forward is the delivery to the ministry the intake deadline binds (221号: "初核后，…前…寄至
 * 工业和信息化部"). An issuer the 300号 table does not class as large passes the authority that takes it to the
 * ministry — the province forwarding it, or the ministry publishing a direct submission — only when that
 * authority confirms its reason (`confirmIssuerSize: true`). True when this decision confirms it.
 */
async function letterChecks(demand: Demand, review: DemandReview, d: ReviewDeps): Promise<boolean> {
  // SME 发榜 (library area): the intake deadline and the size confirmation are 221号's, the large track's.
  if (demand.track === 'sme') return false;
  if (review.decision === 'forward') {
    const campaign = await d.campaigns.get(demand.campaignYear);
    if (campaign && !before(campaign.demandIntakeDeadline, d.now)) {
      throw new RuleViolation(
        'INTAKE_CLOSED',
        `${campaign.title}的需求征集已于 ${formatShanghai(campaign.demandIntakeDeadline)} 截止，不能再转报工业和信息化部`,
      );
    }
  }
  const passes = review.decision === 'forward' || (review.decision === 'publish' && demand.channel === 'ministry');
  const unconfirmed = !!demand.issuerSizeReason && !demand.issuerSizeConfirmedAt;
  if (passes && unconfirmed && !review.confirmIssuerSize) {
    throw new RuleViolation(
      'ISSUER_SIZE_UNCONFIRMED',
      `按划型标准该发榜企业为${SIZE_LABELS[demand.issuerSize ?? 'medium']}，理由：“${demand.issuerSizeReason}”。请核实后确认（confirmIssuerSize），或退回`,
      { confirmIssuerSize: '请确认发榜企业以大企业身份发榜的理由' },
    );
  }
  return passes && unconfirmed;
}
