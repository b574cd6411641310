/**
 * Rights follow the store, not the token: a session that acts for an enterprise gets its enterprise and roles as
 * stored now (one small, strongly consistent GetItem), so a demoted admin, a removed member or a promoted one
 * acts with the rights it has at this instant rather than those of its last sign-in (≤ 2 h ago). Sessions of
 * authorities are taken as signed: no read. A user without an enterprise is read too (pipl): an erased account
 * stops at its next request, and one that joined an enterprise since its sign-in acts for it.
 */
import type { SessionUser } from '@jiebang/shared';
import { UnauthorizedError } from '../http/errors';
import { isAuthorityAccount } from './roles';

export interface MembershipSource {
  membership(userId: string): Promise<{ roles: string[]; orgId: string | null; orgCreditCode?: string } | null>;
}

/** A session as the store has it now; `orgCreditCode`, when the membership carries it, is the enterprise's. */
export type Member = SessionUser & { orgCreditCode?: string };

/** The session with its enterprise roles as stored now; 401 when the user no longer exists. */
export async function currentMembership(user: SessionUser, users: MembershipSource): Promise<Member> {
  if (user.orgId === null && isAuthorityAccount(user)) return user;
  const stored = await users.membership(user.id);
  if (!stored) throw new UnauthorizedError('账号不存在，请重新登录');
  return {
    id: user.id,
    roles: stored.roles,
    orgId: stored.orgId,
    ...(stored.orgCreditCode ? { orgCreditCode: stored.orgCreditCode } : {}),
  };
}
