import { regionName } from '@jiebang/shared';
import type { MeResponse } from '@jiebang/shared';

/**
 * Members of a large enterprise may fill and submit its 需求表, and members of an SME too (SME 发榜, track `sme`,
 * library area); the server checks the same.
 */
export function isIssuerUser(me: MeResponse): boolean {
  const org = me.org;
  const issuing = org?.kind === 'large' || (org?.kind === 'sme' && org.size !== 'large');
  return issuing && me.user.roles.some((r) => r === 'org_admin' || r === 'org_member');
}

/** The authority a user reviews for: the ministry, a provincial authority, or none. */
export function authorityOf(
  roles: readonly string[],
): { kind: 'ministry' } | { kind: 'province'; region: string } | null {
  if (roles.includes('ministry')) return { kind: 'ministry' };
  const role = roles.find((r) => /^province:\d{6}$/.test(r));
  return role ? { kind: 'province', region: role.slice('province:'.length) } : null;
}

/** "工业和信息化部" or "北京市中小企业主管部门". */
export function authorityName(authority: NonNullable<ReturnType<typeof authorityOf>>): string {
  return authority.kind === 'ministry' ? '工业和信息化部' : `${regionName(authority.region)}中小企业主管部门`;
}
