/**
 * The issuer's side of a demand (发榜): draft, edit, submit, withdraw, read with its timeline, list. Every
 * change goes through the state machine of `@jiebang/shared` and is written conditionally on the status and
 * version it was decided on, with its audit event (and notifications) in the same transaction.
 */
import { maskContact } from '../domain/privacy';
import {
  DEFAULT_WEIGHTS,
  SIZE_LABELS,
  DEMAND_STATUSES,
  EDITABLE_DEMAND_STATUSES,
  allowedDemandActions,
  authorityRegionOf,
  before,
  regionName,
  submitCutoff,
  demandInputSchema,
  formatShanghai,
  isOpen,
  nextDemandStatus,
  nextStatus,
  type Actor,
  type Campaign,
  type Demand,
  type DemandActor,
  type DemandDetail,
  type DemandInput,
  type DemandSummary,
  type DemandTrack,
  type DemandUpdate,
  type Org,
  type SessionUser,
  links,
} from '@jiebang/shared';
import { ulid } from 'ulid';
import { departmentOf, inOrg, isMinistry, provinceOf } from '../auth/roles';
import { Conflict, Forbidden, NotFound, RuleViolation, InvalidInput } from '../domain/errors';
import type {
  CampaignRepository,
  DemandRepository,
  DirectContactRepository,
  OrgRepository,
  Page,
} from '../store/repositories';
import { TransactionRefused } from '../store/transact';
import { idempotent, type Answer, type IdempotencyUse } from './idempotent';
import type { Repositories } from '../store';

export interface DemandDeps {
  user: SessionUser;
  demands: DemandRepository;
  orgs: OrgRepository;
  campaigns: CampaignRepository;
  now: Date;
}

const ISSUER_ROLES = ['org_admin', 'org_member'];

/** Not found, or not the caller's to see: the same answer, so existence never leaks. */
export const demandNotFound = () => new NotFound('该需求不存在或您无权查看');

/** The role in which `user` looks at `d`, or null when the demand is none of their business. */
export function viewerOf(user: SessionUser, d: Demand): DemandActor | null {
  if (inOrg(user, d.issuerOrgId, ISSUER_ROLES)) return 'issuer';
  // Authorities see a demand once it has been submitted; a never-submitted draft is the issuer's own work.
  if (!d.submittedAt) return null;
  if (isMinistry(user)) return 'ministry';
  if (provinceOf(user) === d.region) return 'province';
  // 221号 to the letter (issue 16): the department that contacted a direct submission's issuer follows it.
  if (d.department && departmentOf(user) === d.department) return 'department';
  return null;
}

/** The actor recorded in the audit trail for an issuer's member. */
export function issuerActor(user: SessionUser, d: Demand): Actor {
  return {
    userId: user.id,
    role: user.roles.find((r) => ISSUER_ROLES.includes(r)) ?? 'org_member',
    orgId: d.issuerOrgId,
    name: d.issuerName,
  };
}

/** Server-side checks of the form that need the campaign: deadline default and ceiling, completion after it. */
function checkAgainstCampaign(input: DemandInput, campaign: Campaign): string {
  const fields: Record<string, string> = {};
  const deadline = input.applicationDeadline ?? campaign.applicationDeadline;
  if (Date.parse(deadline) > Date.parse(campaign.applicationDeadline)) {
    fields.applicationDeadline = `揭榜截止时间不能晚于${campaign.title}的揭榜截止时间（${formatShanghai(campaign.applicationDeadline)}）`;
  }
  if (Date.parse(`${input.expectedCompletion}T23:59:59+08:00`) < Date.parse(deadline)) {
    fields.expectedCompletion = '预期完成时间应晚于揭榜截止时间';
  }
  if (Object.keys(fields).length > 0) throw new InvalidInput('需求表有误，请检查后重试', fields);
  return deadline;
}

const withVersion = (d: Demand, now: Date, over: Partial<Demand>): Demand => ({
  ...d,
  ...over,
  version: d.version + 1,
  updatedAt: now.toISOString(),
});

async function loadAsIssuer(id: string, d: DemandDeps): Promise<Demand> {
  const demand = await d.demands.get(id);
  if (!demand || !inOrg(d.user, demand.issuerOrgId, ISSUER_ROLES)) throw demandNotFound();
  return demand;
}

const conflict = () => new Conflict('该需求已被他人修改或处理，请刷新后重试', 'VERSION_CONFLICT');
const wrongState = (d: Demand) =>
  new Conflict(`该需求当前状态为“${DEMAND_STATUSES[d.status]}”，不能进行此操作`, 'INVALID_STATE');

/**
 * The track of a demand its issuer may create: a large enterprise's (221号), or an SME's (SME 发榜, library
 * area); any other organisation issues none.
 */
export function issuerTrack(org: Pick<Org, 'kind' | 'size'>): DemandTrack | null {
  if (org.kind === 'large') return 'large';
  if (org.kind === 'sme' && org.size !== 'large') return 'sme';
  return null;
}

/** POST /v1/demands: a new draft of the caller's enterprise: track `large`, or `sme` for an SME (SME 发榜). */
export async function createDemand(input: DemandInput, d: DemandDeps): Promise<Demand> {
  if (!d.user.orgId || !d.user.roles.some((r) => ISSUER_ROLES.includes(r))) {
    throw new Forbidden('只有企业的成员可以填写需求表');
  }
  const [org, campaign] = await Promise.all([d.orgs.get(d.user.orgId), d.campaigns.current()]);
  const track = org ? issuerTrack(org) : null;
  if (!org || !track) throw new Forbidden('只有登记为大企业或中小企业的单位可以填写需求表');
  if (!campaign) throw new RuleViolation('NO_CAMPAIGN', '当前没有进行中的年度发榜工作，暂不能填写需求表');
  const applicationDeadline = checkAgainstCampaign(input, campaign);
  const at = d.now.toISOString();
  const demand: Demand = {
    ...input,
    applicationDeadline,
    weights: input.weights ?? DEFAULT_WEIGHTS,
    id: ulid(d.now.getTime()),
    status: 'draft',
    version: 1,
    issuerOrgId: org.id,
    issuerName: org.name,
    issuerCreditCode: org.creditCode,
    region: authorityRegionOf(org.region) ?? org.authorityRegion,
    campaignYear: campaign.year,
    ...(track === 'sme' ? { track } : {}),
    createdAt: at,
    updatedAt: at,
  };
  const created = await d.demands.create(demand, {
    audit: {
      objectType: 'demand',
      objectId: demand.id,
      action: 'create',
      toStatus: 'draft',
      actor: issuerActor(d.user, demand),
      at,
    },
    notifications: [],
    // pipl: who entered the contact, for the erasure of that account.
    extra: contactMarkers(d, demand, null),
  });
  if (!created) throw new Conflict('需求编号冲突，请重试', 'DUPLICATE');
  return demand;
}

/** pipl: a contact the caller entered (new, or changed from `before`) is theirs to erase: its marker rides along. */
function contactMarkers(d: DemandDeps, demand: Demand, before: Demand | null) {
  const changed = demand.contact && JSON.stringify(demand.contact) !== JSON.stringify(before?.contact);
  return changed ? [d.demands.contactMarker(d.user.id, demand.id, demand.contact)] : [];
}

/** PUT /v1/demands/{id}: replace the form while it is a draft or returned. */
export async function updateDemand(id: string, body: DemandUpdate, d: DemandDeps): Promise<Demand> {
  const demand = await loadAsIssuer(id, d);
  if (!EDITABLE_DEMAND_STATUSES.includes(demand.status)) {
    throw new Conflict('只有草稿或已退回的需求可以修改', 'NOT_EDITABLE');
  }
  if (body.version !== undefined && body.version !== demand.version) throw conflict();
  const campaign = await d.campaigns.get(demand.campaignYear);
  const { version: _version, ...input } = body;
  const applicationDeadline = campaign
    ? checkAgainstCampaign(input, campaign)
    : (input.applicationDeadline ?? demand.applicationDeadline);
  // The form is replaced whole: optional fields left out of the new form are cleared, system fields kept.
  const system = Object.fromEntries(Object.entries(demand).filter(([k]) => !(k in demandInputSchema.shape)));
  const after = withVersion(
    { ...(system as Demand), ...input, applicationDeadline, weights: input.weights ?? DEFAULT_WEIGHTS },
    d.now,
    {},
  );
  after.version = demand.version + 1;
  const ok = await d.demands.transition(demand, after, {
    audit: {
      objectType: 'demand',
      objectId: id,
      action: 'update',
      fromStatus: demand.status,
      toStatus: after.status,
      actor: issuerActor(d.user, demand),
      at: after.updatedAt,
    },
    notifications: [],
    extra: contactMarkers(d, after, demand),
  });
  if (!ok) throw conflict();
  return after;
}

/** POST /v1/demands/{id}/submit: to the issuer's provincial authority or directly to the ministry. */
/**
 * POST /v1/demands/{id}/submit with an optional Idempotency-Key (see ./idempotent): a replay returns the first
 * answer and writes nothing.
 */
export async function submitDemand(
  id: string,
  channel: 'province' | 'ministry',
  idempotencyKey: string | undefined,
  sizeReason: string | undefined,
  d: SubmitDeps,
): Promise<Answer> {
  return idempotent(d.user.id, idempotencyKey, `POST /v1/demands/${id}/submit`, d, async (use) => ({
    status: 200,
    body: await submitOnce(id, channel, sizeReason, d, use),
  }));
}

type SubmitDeps = DemandDeps & { idempotency: Repositories['idempotency']; contacts: DirectContactRepository };

/**
 * 221号 to the letter (issue 16), the rules of a submission besides the state machine: the intake deadline where
 * the notice puts it (direct: the ministry's intake deadline; province: the province's own cut-off when it set
 * one), the direct channel only for enterprises a department contacted, and an issuer the 300号 table does not
 * class as large only with a reason (its authority confirms it when reviewing).
 */
async function submitRules(
  demand: Demand,
  channel: 'province' | 'ministry',
  sizeReason: string | undefined,
  d: SubmitDeps,
): Promise<{ department: string | null; size: Pick<Demand, 'issuerSize' | 'issuerSizeReason'> }> {
  // SME 发榜 (library area): 221号's intake deadline, direct channel and size confirmation are the large
  // enterprises' (the notice's); an SME's need goes to its province, whenever the year's campaign runs.
  if (demand.track === 'sme') {
    if (channel === 'ministry') {
      throw new RuleViolation(
        'NOT_DIRECTLY_CONTACTED',
        '中小企业发榜请报送所在地省级中小企业主管部门初核，不能直接报送工业和信息化部',
      );
    }
    return { department: null, size: {} };
  }
  const [campaign, provinceCutoff, org, department] = await Promise.all([
    d.campaigns.get(demand.campaignYear),
    channel === 'province' ? d.campaigns.cutoff(demand.campaignYear, demand.region) : Promise.resolve(null),
    d.orgs.get(demand.issuerOrgId),
    channel === 'ministry' ? d.contacts.departmentOf(demand.issuerCreditCode) : Promise.resolve(null),
  ]);
  if (campaign) {
    const cutoff = submitCutoff(channel, campaign, provinceCutoff);
    if (!before(cutoff, d.now)) {
      const whose =
        cutoff === campaign.demandIntakeDeadline
          ? `${campaign.title}的需求征集`
          : `${regionName(demand.region)}中小企业主管部门规定的报送`;
      throw new RuleViolation('INTAKE_CLOSED', `${whose}已于 ${formatShanghai(cutoff)} 截止`);
    }
  }
  if (channel === 'ministry' && !department) {
    throw new RuleViolation(
      'NOT_DIRECTLY_CONTACTED',
      '直接报送工业和信息化部仅限相关司局组织联系的大企业；请选择报送所在地省级中小企业主管部门',
    );
  }
  const size = org?.size ?? 'large';
  if (size !== 'large' && !sizeReason) {
    throw new RuleViolation(
      'ISSUER_NOT_LARGE',
      `按《中小企业划型标准规定》贵企业为${SIZE_LABELS[size]}；如以大企业身份发榜（如集团总部），请说明理由，由主管部门审核确认`,
      { sizeReason: '请说明以大企业身份发榜的理由' },
    );
  }
  return {
    department,
    size: {
      issuerSize: size,
      ...(size !== 'large' && sizeReason ? { issuerSizeReason: sizeReason } : {}),
    },
  };
}

async function submitOnce(
  id: string,
  channel: 'province' | 'ministry',
  sizeReason: string | undefined,
  d: SubmitDeps,
  use: IdempotencyUse | undefined,
): Promise<Demand> {
  const demand = await loadAsIssuer(id, d);
  const next = nextDemandStatus('submit', 'issuer', { status: demand.status, channel });
  if (!next) throw wrongState(demand);
  if (!isOpen(demand.applicationDeadline, d.now)) {
    throw new RuleViolation('DEADLINE_PASSED', '揭榜截止时间已过，请修改揭榜截止时间后再报送');
  }
  const rules = await submitRules(demand, channel, sizeReason, d);
  const at = d.now.toISOString();
  const after = withVersion(demand, d.now, { status: next, channel, submittedAt: at, ...rules.size });
  delete after.forwardedAt;
  delete after.department;
  delete after.issuerSizeConfirmedAt;
  if (!rules.size.issuerSizeReason) delete after.issuerSizeReason;
  if (rules.department) after.department = rules.department as Demand['department'];
  const toAuthority = channel === 'province' ? `authority:${demand.region}` : 'ministry';
  const ok = await d.demands.transition(
    demand,
    after,
    {
      audit: {
        objectType: 'demand',
        objectId: id,
        action: 'submit',
        fromStatus: demand.status,
        toStatus: next,
        actor: issuerActor(d.user, demand),
        comment: channel === 'province' ? '报送省级中小企业主管部门' : '直接报送工业和信息化部',
        at,
      },
      // Only the title: the authorities may see the issuer, but the notice needs no more than the link.
      notifications: [
        {
          to: toAuthority,
          kind: 'demand_submitted',
          title: channel === 'province' ? '有新的发榜需求待初核' : '有新的发榜需求待审核',
          body: `需求《${demand.title}》已报送，请及时审核。`,
          link: links.authorityDemand(id),
          objectType: 'demand',
          objectId: id,
          createdAt: at,
        },
        ...(rules.department
          ? [
              {
                to: `department:${rules.department}`,
                kind: 'demand_submitted',
                title: '联系的大企业已直接报送需求',
                body: `需求《${demand.title}》已直接报送工业和信息化部。`,
                link: links.authorityDemand(id),
                objectType: 'demand' as const,
                objectId: id,
                createdAt: at,
              },
            ]
          : []),
      ],
    },
    [
      // The answer, remembered with the change itself; a lost race on the key fails the transaction (409, replayed).
      ...(use ? [d.idempotency.putItem({ userId: d.user.id, ...use, status: 200, body: after, createdAt: at })] : []),
      // The department still lists the issuer when the submission is written (a removal meanwhile refuses it).
      ...(rules.department ? [d.contacts.stillContacted(demand.issuerCreditCode, rules.department)] : []),
    ],
  );
  if (!ok) throw conflict();
  return after;
}

/** Any issuer member may withdraw an unpublished demand; once published, only the enterprise's admin. */
const mayWithdraw = (user: SessionUser, demand: Demand) =>
  !demand.publishedAt || inOrg(user, demand.issuerOrgId, ['org_admin']);

/** What withdrawing needs besides the demand: the applications it closes. */
type WithdrawDeps = DemandDeps & Pick<Repositories, 'applications' | 'evaluation'>;

/**
 * POST /v1/demands/{id}/withdraw: before selection, with a reason shown to applicants. Once published, SMEs have
 * applied to it, so only the enterprise's admin may withdraw, and every open application is closed (withdrawn,
 * with the reason) and its applicant told.
 */
export async function withdrawDemand(id: string, reason: string, d: WithdrawDeps): Promise<Demand> {
  const demand = await loadAsIssuer(id, d);
  if (!mayWithdraw(d.user, demand)) throw new Forbidden('需求发布后，仅企业管理员可以撤回');
  const next = nextDemandStatus('withdraw', 'issuer', demand);
  if (!next) {
    // A retry after a withdrawal whose closing of the applications was cut short (a timeout) finishes it.
    if (demand.status === 'withdrawn' && demand.publishedAt) await closeApplications(demand, d);
    throw wrongState(demand);
  }
  const at = d.now.toISOString();
  const after = withVersion(demand, d.now, { status: next, withdrawnAt: at, withdrawReason: reason });
  const ok = await d.demands.transition(demand, after, {
    audit: {
      objectType: 'demand',
      objectId: id,
      action: 'withdraw',
      fromStatus: demand.status,
      toStatus: next,
      actor: issuerActor(d.user, demand),
      comment: reason,
      at,
    },
    notifications: [
      {
        to: `org:${demand.issuerOrgId}`,
        kind: 'demand_withdrawn',
        title: '需求已撤回',
        body: `需求《${demand.title}》已撤回。撤回理由：${reason}`.slice(0, 500),
        link: links.issuerDemand(id),
        objectType: 'demand',
        objectId: id,
        createdAt: at,
      },
    ],
  });
  if (!ok) throw conflict();
  if (demand.publishedAt) await closeApplications(after, d);
  return after;
}

/** How many applications are closed at once (each is its own small transaction). */
const CLOSE_CONCURRENCY = 8;

/**
 * Close every open application of a withdrawn demand, each in its own transaction (the application conditional
 * on the status and version read, its evaluation entry, audit event and the applicant's notification), like the
 * selection's fan-out: the demand is withdrawn first, atomically; what follows is idempotent (an application
 * already closed is skipped), so a retried POST resumes it. Applications: those holding the one-per-demand marker,
 * the drafts, and the released ones of the evaluation partition.
 */
async function closeApplications(demand: Demand, d: WithdrawDeps): Promise<void> {
  const [open, entries] = await Promise.all([
    d.applications.openIdsOfDemand(demand.id),
    d.evaluation.allEntries(demand.id),
  ]);
  const ids = [...new Set([...open, ...entries.filter((e) => e.status === 'released').map((e) => e.applicationId)])];
  const reason = demand.withdrawReason ?? '';
  const at = d.now.toISOString();
  // The applicants' audit trail never names an anonymous issuer.
  const actor: Actor = demand.anonymous
    ? { userId: 'issuer', role: 'issuer', name: '匿名发榜企业' }
    : issuerActor(d.user, demand);
  const closeOne = async (appId: string) => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const app = await d.applications.get(appId);
      if (!app || app.demandId !== demand.id) return;
      const to = nextStatus(app.status, 'close');
      if (!to) return;
      const next = {
        ...app,
        status: to,
        version: app.version + 1,
        withdrawnAt: at,
        updatedAt: at,
        withdrawReason: `发榜企业已撤回需求：${reason}`.slice(0, 500),
      };
      try {
        await d.applications.write(next, app, {
          audit: {
            objectType: 'application',
            objectId: app.id,
            action: 'close',
            fromStatus: app.status,
            toStatus: to,
            actor,
            comment: reason,
            at,
          },
          notifications: [
            {
              to: `org:${app.orgId}`,
              kind: 'demand_withdrawn',
              title: '揭榜需求已撤回',
              body: `“${app.demandTitle}”已由发榜企业撤回，贵企业的揭榜申请已关闭。撤回理由：${reason}`.slice(0, 500),
              link: links.applicantApplication(app.id),
              objectType: 'application',
              objectId: app.id,
              createdAt: at,
            },
          ],
        });
        return;
      } catch (err) {
        // Changed meanwhile (the applicant withdrew, the province forwarded it): read it again.
        if (!(err instanceof TransactionRefused)) throw err;
      }
    }
  };
  for (let i = 0; i < ids.length; i += CLOSE_CONCURRENCY) {
    await Promise.all(ids.slice(i, i + CLOSE_CONCURRENCY).map(closeOne));
  }
}

/** GET /v1/demands/{id}: the whole demand with its timeline, for its issuer and its reviewing authorities. */
export async function getDemand(id: string, d: Pick<DemandDeps, 'user' | 'demands'>): Promise<DemandDetail> {
  const found = await d.demands.getWithTimeline(id);
  const viewer = found ? viewerOf(d.user, found.demand) : null;
  if (!found || !viewer) throw demandNotFound();
  let actions: string[] = allowedDemandActions(viewer, found.demand);
  if (viewer === 'issuer' && !mayWithdraw(d.user, found.demand)) actions = actions.filter((a) => a !== 'withdraw');
  if (viewer === 'issuer' && EDITABLE_DEMAND_STATUSES.includes(found.demand.status)) actions.unshift('edit');
  // pipl: the issuer and the authority of its region see the contact whole; the ministry masked
  const demand =
    viewer === 'ministry' && found.demand.contact
      ? { ...found.demand, contact: maskContact(found.demand.contact) }
      : found.demand;
  return { ...demand, timeline: found.timeline, allowedActions: actions };
}

export function toSummary(x: Demand): DemandSummary {
  return {
    id: x.id,
    title: x.title,
    field: x.field,
    demandType: x.demandType,
    status: x.status,
    version: x.version,
    ...(x.channel ? { channel: x.channel } : {}),
    region: x.region,
    issuerName: x.issuerName,
    anonymous: x.anonymous,
    applicationDeadline: x.applicationDeadline,
    createdAt: x.createdAt,
    updatedAt: x.updatedAt,
    ...(x.submittedAt ? { submittedAt: x.submittedAt } : {}),
    ...(x.publishedAt ? { publishedAt: x.publishedAt } : {}),
    ...(x.track ? { track: x.track } : {}),
  };
}

/** GET /v1/demands?mine=1: the caller's enterprise's demands, newest first (one Query on GSI1). */
export async function listMyDemands(
  q: { limit: number; cursor?: string | undefined },
  d: Pick<DemandDeps, 'user' | 'demands'>,
): Promise<Page<DemandSummary>> {
  if (!d.user.orgId || !d.user.roles.some((r) => ISSUER_ROLES.includes(r))) {
    throw new Forbidden('只有企业成员可以查看本企业的需求');
  }
  const page = await d.demands.listByIssuer(d.user.orgId, q.limit, q.cursor);
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}
