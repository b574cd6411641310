/** Builders shared by the 揭榜 integration tests: users with sessions, enterprises, published demands, forms. */
import {
  applicationParties,
  type ApplicationInput,
  type ApplicationStatus,
  type Demand,
  type Org,
} from '@jiebang/shared';
import type { ApplicationRecord } from '../../functions/src/store/dynamo-applications';
import { ulid } from 'ulid';
import { deps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { demand, org } from '../support/fixtures';

export const repos = () => repositories(deps().store);

/** A stored user with `roles` in `orgId`, and a token for it. */
export async function session(roles: string[] = [], orgId: string | null = null) {
  const id = `u_${ulid()}`;
  await repos().users.createIfAbsent({ id, openid: id, roles, orgId, createdAt: new Date().toISOString() });
  const { token } = await deps().tokens.issue({ id, roles, orgId }, deps().clock.now());
  return { id, token, roles, orgId };
}

/** An enterprise (default: small SME in 深圳 440305) with an admin session. */
export async function enterprise(over: Partial<Org> = {}) {
  const o = org(over);
  if (!(await repos().orgs.create(o))) throw new Error('fixture org not created');
  const admin = await session(['org_admin'], o.id);
  return { org: o, admin };
}

/** A published demand open until `deadline` (default far ahead) of a large issuer enterprise. */
export async function publishedDemand(issuer: Org, over: Partial<Demand> = {}) {
  const d = demand({
    issuerOrgId: issuer.id,
    issuerName: issuer.name,
    issuerCreditCode: issuer.creditCode,
    applicationDeadline: '2099-12-31T17:00:00+08:00',
    ...over,
  });
  if (!(await repos().demands.createIfAbsent(d))) throw new Error('fixture demand not created');
  return d;
}

/** A checked attachment of `orgId` (as if uploaded and confirmed). */
export async function attachment(orgId: string) {
  const id = ulid();
  const key = `org/${orgId}/${id}.pdf`;
  await repos().orgs.putAttachment({
    id,
    orgId,
    key,
    size: 1234,
    uploadedBy: 'test',
    createdAt: new Date().toISOString(),
  });
  return { key, name: '揭榜申请书（盖章）.pdf' };
}

export function applicationInput(over: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    team: {
      leader: { name: '张工', title: '总工程师' },
      memberCount: 12,
      rndStaffCount: 9,
      keyMembers: [{ name: '李博士', title: '高级工程师', role: '算法' }],
    },
    capability: { rndSpendingRatio: 8.5, inventionPatents: 6, otherIp: '软件著作权 12 项' },
    plan: {
      route: '基于自主实时内核的五轴插补与误差补偿。',
      innovations: '自适应前瞻插补。',
      milestones: [
        { month: '2027-06', deliverable: '原理样机' },
        { month: '2027-12', deliverable: '工程样机' },
      ],
      expectedResults: '样机一台，发明专利 2 项。',
    },
    match: '团队长期从事数控系统研发，与需求指标一一对应。',
    budget: { amount: 300, note: '自筹 100 万元' },
    declaration: { notAffiliated: true },
    ...over,
  };
}

/** `org`'s application to `demand` with the test form, in `status` at version 1, made and changed `at`. */
export function applicationRecord(
  demand: Pick<Demand, 'id' | 'title' | 'issuerOrgId'>,
  org: Org,
  status: ApplicationStatus,
  at: string,
  over: Partial<ApplicationRecord> = {},
): ApplicationRecord {
  return {
    ...applicationInput(),
    id: ulid(),
    ...applicationParties(demand, org),
    status,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
