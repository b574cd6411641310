/**
 * A small world for the 发榜 tests: a campaign, enterprises and one signed-in user per role that matters to the
 * security matrix. Tokens are issued directly by the token service (login itself is tested in auth.test.ts).
 */
import type { Campaign, Org, SessionUser } from '@jiebang/shared';
import { ulid } from 'ulid';
import { afterEach, beforeAll, beforeEach } from '@jest/globals';
import { systemClock } from '../../functions/src/clock';
import { deps, overrideDeps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { org } from './fixtures';
import { DynamoDirectContactRepository } from '../../functions/src/store/dynamo-direct-contacts';

export const CAMPAIGN: Campaign = {
  year: 2026,
  title: '2026年度大企业发榜',
  demandIntakeDeadline: '2026-12-31T17:00:00+08:00',
  applicationDeadline: '2027-06-30T17:00:00+08:00',
  selectionDeadline: '2027-09-30T17:00:00+08:00',
  createdAt: '2026-10-01T00:00:00.000Z',
};

/** The tests' "now": before the intake deadline. */
export const NOW = new Date('2026-11-20T02:00:00.000Z');

export interface Person {
  user: SessionUser;
  token: string;
}

async function person(roles: string[], orgId: string | null): Promise<Person> {
  const user: SessionUser = { id: `u_${ulid()}`, roles, orgId };
  await repositories(deps().store).users.createIfAbsent({
    id: user.id,
    openid: user.id,
    roles,
    orgId,
    createdAt: NOW.toISOString(),
  });
  // Issued at the tests' "now": a token must not come from the future of the clock that checks it (auth/tokens.ts).
  const { token } = await deps().tokens.issue(user, NOW);
  return { user, token };
}

export interface World {
  issuer: Org;
  otherLarge: Org;
  sme: Org;
  people: {
    issuerAdmin: Person;
    issuerMember: Person;
    otherLargeMember: Person;
    smeUser: Person;
    plainUser: Person;
    /** 深圳 has its own authority: the issuer (4403xx) belongs to 440300. */
    issuerProvince: Person;
    /** 广东 — the province around 深圳, which is NOT the issuer's authority. */
    otherProvince: Person;
    ministry: Person;
    ministry2: Person;
    admin: Person;
    /** 221号 to the letter (issue 16): 装备工业一司, which contacted the issuer (direct channel). */
    department: Person;
    /** 电子信息司: a department that did not contact the issuer. */
    otherDepartment: Person;
  };
}

export async function makeWorld(opts: { campaign?: boolean } = {}): Promise<World> {
  const r = repositories(deps().store);
  if (opts.campaign !== false) await r.campaigns.createIfAbsent(CAMPAIGN);
  const issuer = org({
    kind: 'large',
    name: `隐名深圳装备集团${ulid().slice(-6)}有限公司`,
    region: '440305',
    authorityRegion: '440300',
    size: 'large',
    employees: 5000,
    revenue: 900000,
  });
  const otherLarge = org({
    kind: 'large',
    name: '北方重型机械集团有限公司',
    region: '110105',
    authorityRegion: '110000',
    size: 'large',
    employees: 6000,
    revenue: 800000,
  });
  const sme = org({ kind: 'sme', name: '深圳小微精工有限公司' });
  for (const o of [issuer, otherLarge, sme]) await r.orgs.create(o);
  // 221号 to the letter (issue 16): only enterprises a department contacted may submit directly to the ministry.
  await new DynamoDirectContactRepository(deps().store).add(
    {
      department: 'equipment_1',
      creditCode: issuer.creditCode,
      name: issuer.name,
      addedAt: NOW.toISOString(),
      addedBy: 'test',
    },
    {
      objectType: 'department',
      objectId: 'equipment_1',
      action: 'add_contact',
      actor: { userId: 'test', role: 'system' },
      at: NOW.toISOString(),
    },
  );
  return {
    issuer,
    otherLarge,
    sme,
    people: {
      issuerAdmin: await person(['org_admin'], issuer.id),
      issuerMember: await person(['org_member', 'reviewer'], issuer.id),
      otherLargeMember: await person(['org_admin'], otherLarge.id),
      smeUser: await person(['org_admin'], sme.id),
      plainUser: await person([], null),
      issuerProvince: await person(['province:440300'], null),
      otherProvince: await person(['province:440000'], null),
      ministry: await person(['ministry'], null),
      ministry2: await person(['ministry'], null),
      admin: await person(['admin'], null),
      department: await person(['department:equipment_1'], null),
      otherDepartment: await person(['department:electronics'], null),
    },
  };
}

/** A token valid at `when` (the fake clock also decides token expiry). */
export async function tokenAt(p: Person, when: Date): Promise<Person> {
  return { user: p.user, token: (await deps().tokens.issue(p.user, when)).token };
}

/**
 * The world of a test file (or of a describe block), made once, with the clock at NOW for each test — the world's
 * tokens are issued at NOW. The object is filled in by the beforeAll, so the tests read it as they would a `let`.
 */
export function worldAtNow(): World {
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(w, await makeWorld());
  }, 60_000);
  beforeEach(() => overrideDeps({ clock: { now: () => NOW } }));
  afterEach(() => overrideDeps({ clock: systemClock }));
  return w;
}
