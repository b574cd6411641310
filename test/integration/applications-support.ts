/** Builders shared by the 揭榜 integration tests: users with sessions, enterprises, published demands, forms. */
import { applicationParties, type ApplicationStatus, type Demand, type Org } from '@jiebang/shared';
import type { ApplicationRecord } from '../../functions/src/store/dynamo-applications';
import { ulid } from 'ulid';
import { deps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { applicationInput, demand, org } from '../support/fixtures';
import { invoke } from '../support/invoke';

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

/** A large enterprise (an issuer by its size: 20,000 people, revenue 500 亿元) with an admin session. */
export const largeEnterprise = (over: Partial<Org> = {}) =>
  enterprise({ kind: 'large', size: 'large', employees: 20000, revenue: 5_000_000, ...over });

/** `issuer` declares `creditCode` its supplier (the list written as the import writes it: generation '', version 0). */
export async function declareSupplier(issuer: { org: Org; admin: { id: string } }, creditCode: string) {
  await repos().orgs.replaceAffiliates(issuer.org.id, '', [], [{ creditCode, relation: 'supplier' }], 0, {
    objectType: 'org',
    objectId: issuer.org.id,
    action: 'affiliates',
    actor: { userId: issuer.admin.id, role: 'org_admin' },
    at: new Date().toISOString(),
  });
}

/**
 * `who`'s application to `demandId` (POST /v1/demands/{id}/applications as its admin): the test form with a checked
 * attachment. The created application's id.
 */
export async function createdApplication(who: { org: Org; admin: { token: string } }, demandId: string) {
  // Imported here: the benches import this module before their environment is set.
  const { handler } = await import('../../functions/src/handlers/applications-create');
  const created = await invoke(handler, {
    method: 'POST',
    token: who.admin.token,
    params: { id: demandId },
    body: applicationInput({ attachments: [await attachment(who.org.id)] }),
  });
  if (created.status !== 201) throw new Error(`application not created: ${created.status} ${created.text}`);
  return created.body.id as string;
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
