/** Builders shared by the 揭榜 integration tests: users with sessions, enterprises, published demands, forms. */
import { applicationParties, type ApplicationStatus, type Demand, type Org } from '@jiebang/shared';
import type { ApplicationRecord } from '../../functions/src/store/dynamo-applications';
import { ulid } from 'ulid';
import { deps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { applicationInput, demand, org } from '../support/fixtures';

export const repos = () => repositories(deps().store);

/** A stored user with `roles` in `orgId`, and a token for it. */
export async function session(roles: string[] = [], orgId: string | null = null, orgCreditCode?: string) {
  const id = `u_${ulid()}`;
  await repos().users.createIfAbsent({
    id,
    openid: id,
    roles,
    orgId,
    ...(orgCreditCode ? { orgCreditCode } : {}),
    createdAt: new Date().toISOString(),
  });
  const { token } = await deps().tokens.issue({ id, roles, orgId }, deps().clock.now());
  return { id, token, roles, orgId };
}

/** An enterprise (default: small SME in 深圳 440305) with an admin session. */
export async function enterprise(over: Partial<Org> = {}) {
  const o = org(over);
  if (!(await repos().orgs.create(o))) throw new Error('fixture org not created');
  // As registration writes it: the membership carries the enterprise's credit code.
  const admin = await session(['org_admin'], o.id, o.creditCode);
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

export { applicationInput };

/** `org`'s application to `demand` with the test form, in `status` at version 1, made and changed `at`. */
export function applicationRecord(
  demand: Pick<Demand, 'id' | 'title' | 'issuerOrgId' | 'field' | 'channel'>,
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
