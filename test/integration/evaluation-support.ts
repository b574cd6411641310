/**
 * Builders for the 遴选与验收 tests: an issuer with admin and reviewers, a published demand, and released
 * applications of distinct SMEs — built through the repositories (the release goes through the application
 * repository's conditional write, which also writes the evaluation entry), not through other areas' routes.
 * Time is fixed: the demand closes at DEADLINE; tests run the clock at BEFORE or AFTER.
 */
import type { Campaign, Demand, Org, SessionUser } from '@jiebang/shared';
import { ulid } from 'ulid';
import { systemClock } from '../../functions/src/clock';
import { deps, overrideDeps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import type { ApplicationRecord } from '../../functions/src/store/dynamo-applications';
import { demand as demandFixture, org as orgFixture } from '../support/fixtures';
import { applicationRecord } from './applications-support';
import { invoke } from '../support/invoke';

export const DEADLINE = '2027-03-31T17:00:00+08:00';
export const BEFORE = new Date('2027-03-31T08:59:59.000Z');
export const AFTER = new Date('2027-03-31T09:00:01.000Z');

export const repos = () => repositories(deps().store);
export const clockAt = (t: Date) => overrideDeps({ clock: { now: () => new Date(t.getTime()) } });

/** Every test of the calling file starts at `t` (after the deadline by default); the real clock comes back after. */
export function clockEachTestAt(t: Date = AFTER) {
  // Required here, not imported at the top: `npm run bench` builds its worlds with this module outside jest, where
  // @jest/globals throws on import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { afterEach, beforeEach } = require('@jest/globals') as typeof import('@jest/globals');
  beforeEach(() => clockAt(t));
  afterEach(() => overrideDeps({ clock: systemClock }));
}

export interface Who {
  user: SessionUser;
  /** Token valid at AFTER (and BEFORE): issued at BEFORE, 2 h expiry. */
  token: string;
}

export async function who(roles: string[], orgId: string | null): Promise<Who> {
  const user: SessionUser = { id: `u_${ulid()}`, roles, orgId };
  await repos().users.createIfAbsent({ id: user.id, openid: user.id, roles, orgId, createdAt: BEFORE.toISOString() });
  const { token } = await deps().tokens.issue(user, BEFORE);
  return { user, token };
}

export async function makeOrg(over: Partial<Org>): Promise<Org> {
  const o = orgFixture(over);
  if (!(await repos().orgs.create(o))) throw new Error('fixture org not created');
  return o;
}

export interface Applicant {
  org: Org;
  admin: Who;
  app: ApplicationRecord;
}

/** A released application of a fresh SME for `demand` (via the repository: create as forwarded, then release). */
export async function releasedApplication(demand: Demand, name: string, over: Partial<Org> = {}): Promise<Applicant> {
  const org = await makeOrg({ name, qualifications: ['little_giant', 'high_tech'], ...over });
  const admin = await who(['org_admin'], org.id);
  const at = '2027-03-20T02:00:00.000Z';
  const forwarded = applicationRecord(demand, org, 'forwarded', at, { submittedAt: at, forwardedAt: at });
  const actor = { userId: 'fixture', role: 'ministry' };
  await repos().applications.create(forwarded, {
    audit: { objectType: 'application', objectId: forwarded.id, action: 'create', toStatus: 'forwarded', actor, at },
    notifications: [],
  });
  const released: ApplicationRecord = { ...forwarded, status: 'released', version: 2, releasedAt: at, updatedAt: at };
  await repos().applications.write(released, forwarded, {
    audit: {
      objectType: 'application',
      objectId: forwarded.id,
      action: 'release',
      fromStatus: 'forwarded',
      toStatus: 'released',
      actor,
      at,
    },
    notifications: [],
  });
  return { org, admin, app: released };
}

export interface EvaluationWorld {
  issuer: Org;
  demand: Demand;
  admin: Who;
  reviewers: Who[];
  /** A plain member of the issuer (no reviewer role). */
  member: Who;
  applicants: Applicant[];
}

export interface WorldOptions {
  /** Released applications of distinct SMEs of 深圳 (authority 440300); 3 by default. */
  applicants?: number;
  anonymous?: boolean;
  weights?: Demand['weights'];
  issuerName?: string;
  campaignYear?: number;
}

export async function evaluationWorld(opts: WorldOptions = {}): Promise<EvaluationWorld> {
  const tag = ulid().slice(-6);
  const issuer = await makeOrg({
    kind: 'large',
    size: 'large',
    name: opts.issuerName ?? `华北重型装备集团${tag}有限公司`,
    region: '110105',
    authorityRegion: '110000',
    employees: 6000,
    revenue: 900000,
    qualifications: [],
  });
  const d = demandFixture({
    issuerOrgId: issuer.id,
    issuerName: issuer.name,
    issuerCreditCode: issuer.creditCode,
    region: issuer.authorityRegion,
    applicationDeadline: DEADLINE,
    anonymous: opts.anonymous ?? false,
    campaignYear: opts.campaignYear ?? 2026,
    title: `高精度数控系统国产化攻关${tag}`,
    ...(opts.weights ? { weights: opts.weights } : {}),
  });
  if (!(await repos().demands.createIfAbsent(d))) throw new Error('fixture demand not created');
  const applicants: Applicant[] = [];
  for (let i = 0; i < (opts.applicants ?? 3); i++) {
    applicants.push(await releasedApplication(d, `揭榜精工${tag}第${i + 1}号科技有限公司`));
  }
  return {
    issuer,
    demand: d,
    admin: await who(['org_admin'], issuer.id),
    reviewers: [await who(['org_member', 'reviewer'], issuer.id), await who(['org_member', 'reviewer'], issuer.id)],
    member: await who(['org_member'], issuer.id),
    applicants,
  };
}

export { inboxOf, partition } from '../support/inspect';

/**
 * The issuer's admin selects `applicationIds` on the world's demand (POST /v1/demands/{id}/selection) and the
 * test requires it to succeed. `token` for an admin's token issued at another time than now.
 */
export async function selectWinners(
  w: EvaluationWorld,
  applicationIds: string[],
  opts: { justification?: string; shareComments?: boolean; token?: string } = {},
): Promise<void> {
  const { justification = '综合评分靠前', token = w.admin.token, shareComments } = opts;
  // Loaded on use: a handler reads the configuration when loaded, and the bench loads this file outside jest.
  const { handler: selectH } = await import('../../functions/src/handlers/selection-create');
  const res = await invoke(selectH, {
    method: 'POST',
    token,
    params: { id: w.demand.id },
    body: { applicationIds, justification, ...(shareComments ? { shareComments } : {}) },
  });
  if (res.status !== 201) throw new Error(`selection → ${res.status}: ${res.text}`);
}

/**
 * The issuer's admin (`by`) records a passed acceptance of the selected application `applicationId`, into the
 * supplier catalogue (POST /v1/applications/{id}/acceptance), and the test requires it to succeed.
 */
export async function acceptedAsPassed(by: { token: string }, applicationId: string): Promise<void> {
  const { handler: acceptH } = await import('../../functions/src/handlers/acceptance-create');
  const res = await invoke(acceptH, {
    method: 'POST',
    token: by.token,
    params: { id: applicationId },
    body: { result: 'passed', supplierCatalogue: true, comment: '通过验收' },
  });
  if (res.status !== 201) throw new Error(`acceptance → ${res.status}: ${res.text}`);
}

/**
 * Where the files about what follows a selection (公示, objections and their reminders, policy support, the
 * exports) start: at AFTER, a world of one applicant by default whose first applicant the issuer selected, beside
 * those `alsoSelect` adds (applications it releases for `w.demand`, their ids) — one decision, as the issuer takes
 * it. The clock stays at AFTER.
 */
export async function selectedWorld(
  opts: WorldOptions & { justification?: string; alsoSelect?: (w: EvaluationWorld) => Promise<string[]> } = {},
): Promise<EvaluationWorld> {
  const { justification = '综合评分最高', alsoSelect, ...world } = opts;
  clockAt(AFTER);
  const w = await evaluationWorld({ applicants: 1, ...world });
  const also = alsoSelect ? await alsoSelect(w) : [];
  await selectWinners(w, [w.applicants[0]!.app.id, ...also], { justification });
  return w;
}

// publicity (公示, issue 17)
/** A campaign of `year` whose selection closes Wednesday 2027-03-31 18:00 (Beijing), just after AFTER. */
export async function campaignClosingAfter(year: number, over: Partial<Campaign> = {}): Promise<void> {
  await repos().campaigns.createIfAbsent({
    year,
    title: `${year}年度大企业发榜`,
    demandIntakeDeadline: '2027-01-31T17:00:00+08:00',
    applicationDeadline: '2027-03-31T17:00:00+08:00',
    selectionDeadline: '2027-03-31T18:00:00+08:00',
    createdAt: AFTER.toISOString(),
    ...over,
  });
}
