/**
 * 揭榜申请书: drafts, edits, submit with the automatic refusals of the notice, withdrawal. Refusal messages name the
 * issuer only as "发榜企业": the demand may be anonymous, and an error message is a response like any other.
 */
import { ulid } from 'ulid';
import {
  classifiedSize,
  demandFacets,
  applicationParties,
  APPLICATION_STATUSES,
  applicationInputSchema,
  formatShanghai,
  isEditable,
  isOpen,
  applicationWindowState,
  ISSUER_VISIBLE_STATUSES,
  MINISTRY_VISIBLE_STATUSES,
  nextStatus,
  type Application,
  type ApplicationInput,
  type ApplicationSummary,
  type Demand,
  type Org,
  type SessionUser,
  links,
  SME_TRACK_APPLICANT_KINDS,
} from '@jiebang/shared';
import { inOrg, isMinistry, provinceOf } from '../auth/roles';
import { Conflict, Forbidden, NotFound, RuleViolation, InvalidInput } from '../domain/errors';
import type { Repositories } from '../store';
import type { ApplicationChange, ApplicationRecord } from '../store/dynamo-applications';
import { TransactionRefused, type TransactItem } from '../store/transact';
import { idempotent, type Answer, type IdempotencyUse } from './idempotent';

export interface AppDeps {
  /** Only the repositories these use-cases touch: a handler builds no others. */
  repos: Pick<Repositories, 'applications' | 'demands' | 'idempotency' | 'orgs' | 'campaigns'>;
  now: Date;
}

const FORM_KEYS = Object.keys(applicationInputSchema.shape) as (keyof ApplicationInput)[];
const APPLICANT_ROLES = ['org_admin', 'org_member'];

/**
 * What anyone may be shown: everything but the issuer's object ids (an anonymous issuer stays anonymous). The
 * acceptance report's storage key is `org/<issuerOrgId>/…`, so it goes only to the issuer's own members
 * (`forIssuer`); the applicant and the authorities read the report's name.
 */
export function applicationView(a: ApplicationRecord, forIssuer = false): Application {
  const { issuerOrgId: _i, ...rest } = a;
  const report = rest.acceptance?.report;
  if (!report || forIssuer) return rest;
  return { ...rest, acceptance: { ...rest.acceptance!, report: { name: report.name } } };
}

export function applicationSummary(a: ApplicationRecord): ApplicationSummary {
  return {
    id: a.id,
    demandId: a.demandId,
    demandTitle: a.demandTitle,
    ...(a.demandField ? { demandField: a.demandField } : {}),
    ...(a.demandChannel ? { demandChannel: a.demandChannel } : {}),
    orgId: a.orgId,
    orgName: a.orgName,
    orgSize: a.orgSize,
    authorityRegion: a.authorityRegion,
    status: a.status,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    ...(a.submittedAt ? { submittedAt: a.submittedAt } : {}),
    ...(a.returnReason ? { returnReason: a.returnReason } : {}),
  };
}

/**
 * Who may see an application: the applicant's members always; its province once submitted; the ministry once
 * forwarded; the issuer once released. Everyone else gets 404, as if it did not exist.
 */
export function canSee(user: SessionUser, a: ApplicationRecord): boolean {
  if (user.orgId === a.orgId) return true;
  if (a.status === 'draft') return false;
  const everSubmitted = a.submittedAt !== undefined;
  if (provinceOf(user) === a.authorityRegion) return everSubmitted;
  if (isMinistry(user))
    return MINISTRY_VISIBLE_STATUSES.includes(a.status) || (a.status === 'withdrawn' && a.forwardedAt !== undefined);
  if (user.orgId === a.issuerOrgId)
    return ISSUER_VISIBLE_STATUSES.includes(a.status) || (a.status === 'withdrawn' && a.releasedAt !== undefined);
  return false;
}

const notSme = () => new RuleViolation('NOT_SME', '按《中小企业划型标准规定》，贵企业不属于中小企业，不能揭榜');
const affiliated = () =>
  new RuleViolation(
    'AFFILIATED_WITH_ISSUER',
    '贵企业是发榜企业的关联企业（子公司、控股公司、供应商等），不能揭榜该需求',
  );
const deadlinePassed = (d: Demand) =>
  new RuleViolation('DEADLINE_PASSED', `该需求的揭榜已于 ${formatShanghai(d.applicationDeadline)}（北京时间）截止`);

/** The applicant enterprise of the caller (an SME member), or 403. */
async function applicantOrg(user: SessionUser, d: AppDeps): Promise<Org> {
  if (!user.orgId || !inOrg(user, user.orgId, APPLICANT_ROLES)) throw new Forbidden('请先登记或加入一家中小企业');
  const org = await d.repos.orgs.get(user.orgId);
  if (!org) throw new Forbidden('请先登记或加入一家中小企业');
  return org;
}

const isSme = (org: Org) => org.kind === 'sme' && org.size !== 'large';

// SME 发榜 (library area): universities and institutes answer an SME's demand (no 300号 check on them); 221号's
// rule that only SMEs apply holds on the large enterprises' track. The affiliation rules hold on both.
const notInstitution = () =>
  new RuleViolation('NOT_ELIGIBLE_APPLICANT', '中小企业发布的需求由高校、科研院所揭榜；贵单位不能揭榜该需求');
const isSmeTrackApplicant = (org: Org) => (SME_TRACK_APPLICANT_KINDS as readonly string[]).includes(org.kind);

/** Refuses an applicant the demand's track does not admit. */
function checkEligible(org: Org, demand: Demand): void {
  if (demand.track === 'sme' ? !isSmeTrackApplicant(org) : !isSme(org)) throw ineligible(demand);
}
const ineligible = (demand: Demand) => (demand.track === 'sme' ? notInstitution() : notSme());

/** Attachments must be uploads of the applicant's own enterprise. */
function checkAttachmentKeys(input: ApplicationInput, orgId: string) {
  const fields: Record<string, string> = {};
  (input.attachments ?? []).forEach((a, i) => {
    if (!a.key.startsWith(`org/${orgId}/`)) fields[`attachments.${i}.key`] = '附件不属于本企业，请重新上传';
  });
  if (Object.keys(fields).length > 0) throw new InvalidInput('附件有误，请重新上传', fields);
}

/** A published demand open for applications, as an applicant may know it; 404 otherwise. */
async function openDemand(demandId: string, d: AppDeps): Promise<Demand> {
  const demand = await d.repos.demands.get(demandId);
  if (!demand || demand.status !== 'published' || !demand.publishedAt) throw new NotFound('该需求不存在或未在揭榜');
  return demand;
}

/** POST /v1/demands/{id}/applications: a draft for a published, open demand (SME members only). */
export async function createApplication(
  user: SessionUser,
  demandId: string,
  input: ApplicationInput,
  d: AppDeps,
): Promise<Application> {
  const org = await applicantOrg(user, d);
  const demand = await openDemand(demandId, d);
  checkEligible(org, demand);
  if (demand.issuerOrgId === org.id) throw new RuleViolation('AFFILIATED_WITH_ISSUER', '不能揭榜本企业发布的需求');
  if (!isOpen(demand.applicationDeadline, d.now)) throw deadlinePassed(demand);
  checkAttachmentKeys(input, org.id);
  const at = d.now.toISOString();
  const app: ApplicationRecord = {
    ...input,
    id: ulid(),
    ...applicationParties(demand, org),
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await d.repos.applications.create(app, {
    audit: {
      objectType: 'application',
      objectId: app.id,
      action: 'create',
      toStatus: 'draft',
      actor: applicantActor(user, org),
      at,
    },
    notifications: [],
  });
  return applicationView(app);
}

export const applicantActor = (user: SessionUser, org: Pick<Org, 'id' | 'name'>) => ({
  userId: user.id,
  role: user.roles.includes('org_admin') ? 'org_admin' : 'org_member',
  orgId: org.id,
  name: org.name,
});

/** The caller's own application (its enterprise's), or 404. */
async function loadOwn(user: SessionUser, id: string, d: AppDeps): Promise<ApplicationRecord> {
  const app = await d.repos.applications.get(id);
  if (!app || user.orgId !== app.orgId) throw new NotFound('揭榜申请不存在');
  if (!inOrg(user, app.orgId, APPLICANT_ROLES)) throw new Forbidden('仅本企业成员可以操作揭榜申请');
  return app;
}

/** GET /v1/applications/{id}. */
export async function getApplication(user: SessionUser, id: string, d: AppDeps): Promise<Application> {
  const app = await d.repos.applications.get(id);
  if (!app || !canSee(user, app)) throw new NotFound('揭榜申请不存在');
  return applicationView(app, user.orgId === app.issuerOrgId);
}

/** PUT /v1/applications/{id}: edit a draft or a returned application, at the version read. */
export async function updateApplication(
  user: SessionUser,
  id: string,
  input: ApplicationInput & { version: number },
  d: AppDeps,
): Promise<Application> {
  const app = await loadOwn(user, id, d);
  if (!isEditable(app.status)) {
    throw new Conflict(`申请当前状态为“${APPLICATION_STATUSES[app.status]}”，不能修改`, 'NOT_EDITABLE');
  }
  if (input.version !== app.version) throw new Conflict('申请已被修改，请刷新后重试', 'VERSION_CONFLICT');
  checkAttachmentKeys(input, app.orgId);
  const { version: _v, ...form } = input;
  const kept = Object.fromEntries(
    Object.entries(app).filter(([k]) => !FORM_KEYS.includes(k as keyof ApplicationInput)),
  );
  const at = d.now.toISOString();
  const next = { ...kept, ...form, version: app.version + 1, updatedAt: at } as ApplicationRecord;
  try {
    await d.repos.applications.write(next, app, {
      audit: {
        objectType: 'application',
        objectId: id,
        action: 'update',
        actor: applicantActor(user, { id: app.orgId, name: app.orgName }),
        at,
      },
      notifications: [],
    });
  } catch (err) {
    if (err instanceof TransactionRefused) throw new Conflict('申请已被修改，请刷新后重试', 'VERSION_CONFLICT');
    throw err;
  }
  return applicationView(next);
}

/** GET /v1/applications?mine=1: the enterprise's applications, newest first. */
export async function listMyApplications(
  user: SessionUser,
  q: { limit: number; cursor?: string | undefined },
  d: AppDeps,
) {
  if (!user.orgId || !inOrg(user, user.orgId, APPLICANT_ROLES)) return { items: [], nextCursor: null };
  const page = await d.repos.applications.listByOrg(user.orgId, q.limit, q.cursor);
  return { items: page.items.map(applicationSummary), nextCursor: page.nextCursor };
}

/**
 * POST /v1/applications/{id}/submit with an optional Idempotency-Key (see ./idempotent): a replay returns the
 * first answer and writes nothing.
 */
export async function submitApplication(
  user: SessionUser,
  id: string,
  idempotencyKey: string | undefined,
  d: AppDeps,
): Promise<Answer> {
  return idempotent(
    user.id,
    idempotencyKey,
    `POST /v1/applications/${id}/submit`,
    { idempotency: d.repos.idempotency, now: d.now },
    (use) => submitOnce(user, id, d, use),
  );
}

async function submitOnce(user: SessionUser, id: string, d: AppDeps, idem?: IdempotencyUse): Promise<Answer> {
  const app = await loadOwn(user, id, d);
  if (!nextStatus(app.status, 'submit')) {
    throw new Conflict(`申请当前状态为“${APPLICATION_STATUSES[app.status]}”，不能提交`, 'INVALID_STATE');
  }
  const [org, demand] = await Promise.all([d.repos.orgs.get(app.orgId), d.repos.demands.get(app.demandId)]);
  if (!org || !demand) throw new NotFound('揭榜申请不存在');
  checkEligible(org, demand);
  if (demand.status !== 'published') throw new Conflict('该需求已不在揭榜期', 'DEMAND_NOT_OPEN');
  if (!isOpen(demand.applicationDeadline, d.now)) throw deadlinePassed(demand);
  // Two independent reads in one round trip: the issuer's affiliate list as it is now (its current generation: an
  // import may flip it; checked below), and 221号's "申报时间另行通知" — the large enterprises' campaign window
  // (SME 发榜 answers whenever the demand is open).
  const [issuerListGen] = await Promise.all([
    d.repos.orgs.affiliatesGeneration(demand.issuerOrgId),
    demand.track !== 'sme' ? checkApplicationWindow(demand.campaignYear, d) : undefined,
  ]);
  const attachments = app.attachments ?? [];
  if (attachments.length === 0)
    throw new RuleViolation('ATTACHMENT_REQUIRED', '请上传加盖公章的申请书扫描件（PDF）后再提交');
  // The affiliation (controlling shareholder, the issuer's affiliate list) is decided last, by the transaction's
  // checks 3 and 4 below, and answered only when nothing else refuses: see affiliationRefusal.
  const at = d.now.toISOString();
  const next: ApplicationRecord = {
    ...app,
    status: 'submitted',
    version: app.version + 1,
    // A draft made before applications carried them (the queue filters on them; the demand is read here anyway).
    ...demandFacets(demand),
    orgName: org.name,
    orgSize: classifiedSize(org),
    authorityRegion: org.authorityRegion,
    submittedAt: at,
    updatedAt: at,
  };
  delete next.returnReason;
  const body = applicationView(next);
  const repos = d.repos;
  const extra: TransactItem[] = [
    repos.applications.applicantMarkerPut(app.demandId, app.orgId, app.id, at),
    repos.applications.demandPublishedCheck(app.demandId),
    repos.orgs.stillEligibleCheck(app.orgId, demand.issuerCreditCode, demand.track ?? 'large'),
    repos.orgs.notAffiliateCheck(demand.issuerOrgId, org.creditCode, issuerListGen),
    repos.orgs.affiliatesGenerationCheck(demand.issuerOrgId, issuerListGen),
    ...attachments.map((a) => repos.orgs.attachmentCheck(app.orgId, a.key.split('/')[2]!.replace(/\.pdf$/, ''))),
  ];
  if (idem) {
    extra.push(
      repos.idempotency.putItem({
        userId: user.id,
        key: idem.key,
        scope: idem.scope,
        status: 200,
        body,
        createdAt: at,
      }),
    );
  }
  const change: ApplicationChange = {
    audit: {
      objectType: 'application',
      objectId: id,
      action: app.status === 'returned' ? 'resubmit' : 'submit',
      fromStatus: app.status,
      toStatus: 'submitted',
      actor: applicantActor(user, org),
      at,
    },
    notifications: [
      {
        to: `org:${app.orgId}`,
        kind: 'application_submitted',
        title: '揭榜申请已提交',
        body: `您对“${app.demandTitle}”的揭榜申请已提交，等待主管部门初审。`,
        link: links.applicantApplication(id),
        objectType: 'application',
        objectId: id,
        createdAt: at,
      },
      {
        to: `authority:${org.authorityRegion}`,
        kind: 'application_to_review',
        title: '有新的揭榜申请待初审',
        body: `${org.name} 提交了对“${app.demandTitle}”的揭榜申请。`,
        link: links.authorityApplication(id),
        objectType: 'application',
        objectId: id,
        createdAt: at,
      },
    ],
  };
  try {
    await repos.applications.write(next, app, change, extra);
  } catch (err) {
    if (!(err instanceof TransactionRefused)) throw err;
    // The first refused condition in this order says why (several may fail at once); the affiliation last.
    if (err.by('idempotency_key_taken')) throw new Conflict('重复的请求', 'IDEMPOTENCY_RACE'); // the caller replays the winner
    if (err.by('application_changed')) throw new Conflict('申请已被修改或已提交，请刷新后重试', 'VERSION_CONFLICT');
    if (err.by('applicant_marker_taken'))
      throw new Conflict('贵企业已揭榜该需求，不能重复申请', 'DUPLICATE_APPLICATION');
    if (err.by('demand_not_published')) throw new Conflict('该需求已不在揭榜期', 'DEMAND_NOT_OPEN');
    if (err.by('attachment_missing')) throw attachmentNotVerified();
    if (err.by('issuer_affiliates_changed'))
      throw new Conflict('发榜企业的名单刚刚更新，请重新提交', 'AFFILIATES_CHANGED');
    if (err.by('org_no_longer_eligible') || err.by('affiliate_of_issuer'))
      throw await affiliationRefusal(app, org, demand, d, err.by('org_no_longer_eligible'));
    throw err;
  }
  return { status: 200, body };
}

const attachmentNotVerified = () =>
  new RuleViolation('ATTACHMENT_NOT_VERIFIED', '附件尚未上传完成或未通过检查，请重新上传');

/**
 * The answer when the submit's transaction refused on the affiliation checks (3: still an SME that does not name
 * the issuer as controlling shareholder; 4: not on the issuer's affiliate list).
 *
 * An SME may set its controlling shareholder to any credit code. Were the affiliation answered before the other
 * checks, or in words of its own, an SME could guess an anonymous issuer's credit code and read the answer (issue
 * 12, finding 2). So: the affiliation is answered only once every other check passes — DynamoDB need not report
 * every failed condition of a cancelled transaction, so the others are evaluated again on their own, writing
 * nothing — and on an anonymous demand in the same words as any other affiliation. (How often the field may change
 * is limited in use-cases/orgs.ts.)
 */
async function affiliationRefusal(
  app: ApplicationRecord,
  org: Org,
  demand: Demand,
  d: AppDeps,
  shareholderCheckFailed: boolean,
): Promise<Error> {
  const repos = d.repos;
  const attachments = app.attachments ?? [];
  try {
    await repos.applications.check([
      repos.applications.applicantMarkerCheck(app.demandId, app.orgId, app.id),
      repos.applications.demandPublishedCheck(app.demandId),
      ...attachments.map((a) => repos.orgs.attachmentCheck(app.orgId, a.key.split('/')[2]!.replace(/\.pdf$/, ''))),
    ]);
  } catch (err) {
    if (!(err instanceof TransactionRefused)) throw err;
    if (err.by('applicant_marker_taken'))
      return new Conflict('贵企业已揭榜该需求，不能重复申请', 'DUPLICATE_APPLICATION');
    if (err.by('demand_not_published')) return new Conflict('该需求已不在揭榜期', 'DEMAND_NOT_OPEN');
    return attachmentNotVerified();
  }
  const holder = org.controllingShareholderCreditCode === demand.issuerCreditCode;
  // Check 3 failed without the shareholder matching what was read: the size changed meanwhile.
  if (shareholderCheckFailed && !holder) return ineligible(demand);
  if (holder && !demand.anonymous) {
    return new RuleViolation('AFFILIATED_WITH_ISSUER', '贵企业的控股股东为发榜企业，不能揭榜该需求');
  }
  return affiliated();
}

/** POST /v1/applications/{id}/withdraw: before selection; frees the "one per demand" marker it held. */
export async function withdrawApplication(
  user: SessionUser,
  id: string,
  input: { reason?: string | undefined },
  d: AppDeps,
): Promise<Application> {
  const app = await loadOwn(user, id, d);
  if (!nextStatus(app.status, 'withdraw')) {
    throw new Conflict(`申请当前状态为“${APPLICATION_STATUSES[app.status]}”，不能撤回`, 'INVALID_STATE');
  }
  const at = d.now.toISOString();
  const next: ApplicationRecord = {
    ...app,
    status: 'withdrawn',
    version: app.version + 1,
    withdrawnAt: at,
    updatedAt: at,
    ...(input.reason ? { withdrawReason: input.reason } : {}),
  };
  const notifications: ApplicationChange['notifications'] = [
    {
      to: `org:${app.orgId}`,
      kind: 'application_withdrawn',
      title: '揭榜申请已撤回',
      body: `您对“${app.demandTitle}”的揭榜申请已撤回。`,
      link: links.applicantApplication(id),
      objectType: 'application',
      objectId: id,
      createdAt: at,
    },
  ];
  if (app.status === 'released') {
    notifications.push({
      to: `org:${app.issuerOrgId}`,
      kind: 'application_withdrawn',
      title: '一份揭榜申请已撤回',
      body: `${app.orgName} 撤回了对“${app.demandTitle}”的揭榜申请。`,
      objectType: 'application',
      objectId: id,
      createdAt: at,
    });
  }
  const extra =
    app.status === 'draft' ? [] : [d.repos.applications.applicantMarkerDelete(app.demandId, app.orgId, app.id)];
  try {
    await d.repos.applications.write(
      next,
      app,
      {
        audit: {
          objectType: 'application',
          objectId: id,
          action: 'withdraw',
          fromStatus: app.status,
          toStatus: 'withdrawn',
          actor: applicantActor(user, { id: app.orgId, name: app.orgName }),
          ...(input.reason ? { comment: input.reason } : {}),
          at,
        },
        notifications,
      },
      extra,
    );
  } catch (err) {
    if (err instanceof TransactionRefused) throw new Conflict('申请状态已变化，请刷新后重试', 'VERSION_CONFLICT');
    throw err;
  }
  return applicationView(next);
}

// 221号 to the letter (issue 16)

/**
 * The campaign's application window: 221号 says the time of 揭榜 submissions is "另行通知". Until the ministry
 * opens it (PUT /v1/campaigns/{year}), or before the instant it set, submissions are refused; drafts are not.
 */
async function checkApplicationWindow(year: number, d: AppDeps): Promise<void> {
  const campaign = await d.repos.campaigns.get(year);
  if (!campaign) return;
  const state = applicationWindowState(campaign, d.now);
  if (state === 'announced_later') {
    throw new RuleViolation('APPLICATIONS_NOT_OPEN', '揭榜申请的报送时间由工业和信息化部另行通知，目前尚不能提交');
  }
  if (state === 'not_yet') {
    throw new RuleViolation(
      'APPLICATIONS_NOT_OPEN',
      `揭榜申请自 ${formatShanghai(campaign.applicationOpensAt!)}（北京时间）起接收，请届时再提交`,
    );
  }
}
