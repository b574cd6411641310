/** Who may be attached to an interest as its 技术经理人, and what an attached outsider sees (programmes.md §3). */
import { describe, expect, it } from '@jest/globals';
import type { Org, SessionUser } from '@jiebang/shared';
import { RuleViolation } from '../domain/errors';
import type { InterestRecord } from '../store/dynamo-library';
import type { UserRecord } from '../store/repositories';
import { interestView, managerToAttach, type LibraryDeps } from './library';

const user = (id: string, orgId: string | null, roles: string[]): UserRecord => ({
  id,
  openid: id,
  orgId,
  roles,
  createdAt: '2026-01-01T00:00:00Z',
});
const org = (id: string, kind: Org['kind']) => ({ id, kind, name: `单位${id}` }) as Org;
const users = [
  user('u_own', 'owner', ['org_member', 'tech_manager']),
  user('u_plain', 'owner', ['org_member']),
  user('u_service', 'svc', ['tech_manager']),
  user('u_institute', 'inst', ['org_member', 'tech_manager']),
  user('u_university', 'uni2', ['tech_manager']),
  user('u_enterprise', 'ent', ['tech_manager']),
  user('u_sender', 'sender', ['tech_manager']),
  user('u_loner', null, ['tech_manager']),
];
const orgs = [org('svc', 'service'), org('inst', 'institute'), org('uni2', 'university'), org('ent', 'sme')];
const deps = {
  repos: {
    users: { get: async (id: string) => users.find((u) => u.id === id) ?? null },
    orgs: { get: async (id: string) => orgs.find((o) => o.id === id) ?? null },
  },
} as unknown as Pick<LibraryDeps, 'repos'>;
const sides = { ownerOrgId: 'owner', senderOrgId: 'sender' };
const refusal = (userId: string) =>
  managerToAttach(sides, userId, deps).then(
    () => null,
    (e: unknown) => (e instanceof RuleViolation ? e.code : 'other'),
  );

describe('managerToAttach', () => {
  it('takes the owner’s own tech manager, and a service body’s or an institute’s, naming the latter', async () => {
    expect(await managerToAttach(sides, 'u_own', deps)).toEqual({ id: 'u_own', name: '成员 U_OWN' });
    expect(await managerToAttach(sides, 'u_service', deps)).toMatchObject({ orgId: 'svc', orgName: '单位svc' });
    expect(await managerToAttach(sides, 'u_institute', deps)).toMatchObject({ orgId: 'inst' });
  });
  it('refuses an unknown 编号, a user without the role, another university or an enterprise, the sender', async () => {
    expect(await refusal('u_nobody')).toBe('UNKNOWN_TECH_MANAGER');
    expect(await refusal('u_plain')).toBe('NOT_TECH_MANAGER');
    expect(await refusal('u_loner')).toBe('NOT_TECH_MANAGER');
    expect(await refusal('u_university')).toBe('TECH_MANAGER_ORG_KIND');
    expect(await refusal('u_enterprise')).toBe('TECH_MANAGER_ORG_KIND');
    expect(await refusal('u_sender')).toBe('TECH_MANAGER_OF_SENDER');
  });
});

describe('interestView for an attached 技术经理人 of another organisation', () => {
  const i = {
    ...sides,
    id: 'i1',
    status: 'talking',
    acceptedAt: '2026-01-02T00:00:00Z',
    techManager: { id: 'u_service', name: '成员', orgId: 'svc' },
    ownerContact: { name: '张', phone: '1' },
    senderContact: { name: '钱', phone: '2' },
  } as unknown as InterestRecord;
  const manager = { id: 'u_service', orgId: 'svc', roles: ['tech_manager'] } as unknown as SessionUser;
  it('follows it for the owner: contacts once accepted, no decision', () => {
    const v = interestView(i, manager);
    expect(v.side).toBe('owner');
    expect(v.allowedDecisions).toEqual([]);
    expect(v.contacts?.sender.phone).toBe('2');
  });
  it('the sender’s members still decide as the sender', () => {
    const senderAdmin = { id: 'u_x', orgId: 'sender', roles: ['org_admin'] } as unknown as SessionUser;
    const v = interestView(i, senderAdmin);
    expect(v.side).toBe('sender');
    expect(v.allowedDecisions.length).toBeGreaterThan(0);
  });
});
