import '../lib/zod-setup';
import type { Member, Org, OrgInput, orgCreatedSchema } from '@jiebang/shared';
import {
  invitesAccept,
  orgsCreate,
  orgsGet,
  orgsInvitesCreate,
  orgsMembersDelete,
  orgsMembersList,
  orgsMembersPut,
} from '@jiebang/shared/routes/orgs';
import type { z } from 'zod';
import { call } from './api';
import { saveToken } from './session';

/** The roles a member can hold in its enterprise. */
export type OrgRole = 'org_admin' | 'org_member' | 'reviewer' | 'tech_manager';

export type OrgCreated = z.infer<typeof orgCreatedSchema>;

/**
 * Register an enterprise (POST /v1/orgs); the caller becomes its org_admin. The server answers with a fresh
 * session whose token carries the new role: it replaces the stored one at once, so the next call (我的揭榜,
 * 我要揭榜) is made as the enterprise's admin. Errors: 400 with `fields`, 409 `DUPLICATE_CREDIT_CODE` /
 * `ALREADY_IN_ORG`, 422 `NOT_SME`.
 */
export async function register(input: OrgInput): Promise<OrgCreated> {
  const res = await call(orgsCreate, { body: input });
  saveToken(res.session.token, res.session.expiresAt);
  return res;
}

/**
 * Join an enterprise with an invitation code (POST /v1/invites/{code}/accept): like registration, the answer
 * carries a fresh session with the new membership, stored at once. Errors: 404 (no such code, used or expired),
 * 409 `ALREADY_IN_ORG`, 429.
 */
export async function acceptInvite(code: string) {
  const res = await call(invitesAccept, { params: { code } });
  saveToken(res.session.token, res.session.expiresAt);
  return res;
}

/** One enterprise (GET /v1/orgs/{id}): own, or one of the caller's region for an authority. */
export function get(id: string): Promise<Org> {
  return call(orgsGet, { params: { id } });
}

/** One page of the enterprise's members with their roles (GET /v1/orgs/{id}/members; any member may read). */
export function listMembers(orgId: string, cursor: string | null, limit = 50) {
  return call(orgsMembersList, { params: { id: orgId }, query: { limit, cursor: cursor ?? undefined } });
}

/** Set a member's roles (org_admin); effective at the member's next request. 422 `LAST_ADMIN`, `SELF_ROLE_CHANGE`. */
export function setMemberRoles(orgId: string, userId: string, roles: OrgRole[]): Promise<Member> {
  return call(orgsMembersPut, { params: { id: orgId, userId }, body: { roles } });
}

/** Remove a member (org_admin), or leave the enterprise (`userId` = self). 422 `LAST_ADMIN` for the last admin. */
export function removeMember(orgId: string, userId: string): Promise<{ id: string }> {
  return call(orgsMembersDelete, { params: { id: orgId, userId } });
}

/** A one-time invitation code valid for 7 days (org_admin). */
export function createInvite(orgId: string) {
  return call(orgsInvitesCreate, { params: { id: orgId } });
}
