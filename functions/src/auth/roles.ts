/**
 * Role checks on the session user. Roles are `ministry`, `admin`, `province:<regionCode>` (authorities) and
 * `org_admin`, `org_member`, `reviewer` (scoped to the user's enterprise, `orgId`).
 */
import type { Actor, SessionUser } from '@jiebang/shared';
import { DEPARTMENTS, regionName, type DepartmentKey } from '@jiebang/shared';
import { Forbidden } from '../domain/errors';

export const isMinistry = (u: SessionUser): boolean => u.roles.includes('ministry');
export const isAdmin = (u: SessionUser): boolean => u.roles.includes('admin');

/** The authority region a provincial user acts for, or null. */
export function provinceOf(u: SessionUser): string | null {
  const role = u.roles.find((r) => r.startsWith('province:'));
  return role ? role.slice('province:'.length) : null;
}

// events (百场万企)
/** The principal an authority user organises events as (`ministry`, `authority:<region>`), or null. */
/**
 * The region an authority reads: a province only its own (asking for another is 403 `refused.otherRegion`); the
 * ministry the one asked for, or none (all) when none is asked. Everyone else: 403 `refused.notAuthority`.
 */
export function authorityRegion(
  user: SessionUser,
  region: string | undefined,
  refused: { otherRegion: string; notAuthority: string },
): string | undefined {
  const own = provinceOf(user);
  if (own) {
    if (region && region !== own) throw new Forbidden(refused.otherRegion);
    return own;
  }
  if (isMinistry(user)) return region;
  throw new Forbidden(refused.notAuthority);
}

export function organiserPrincipalOf(user: SessionUser): string | null {
  if (isMinistry(user)) return 'ministry';
  const region = provinceOf(user);
  return region ? `authority:${region}` : null;
}

// 221号 to the letter (issue 16): the ministry's departments (相关司局) act through `department:<key>`.
/** The department (相关司局) a user acts for, or null. */
export function departmentOf(u: SessionUser): DepartmentKey | null {
  const role = u.roles.find((r) => r.startsWith('department:'));
  const key = role ? role.slice('department:'.length) : null;
  return key && key in DEPARTMENTS ? (key as DepartmentKey) : null;
}

/** An authority's account (the ministry, a department, a province, the operator): never a member of an enterprise. */
export const isAuthorityAccount = (u: SessionUser): boolean =>
  isMinistry(u) || isAdmin(u) || provinceOf(u) !== null || departmentOf(u) !== null;

/** True when the user belongs to `orgId` with one of `roles` (any member when `roles` is omitted). */
export function inOrg(u: SessionUser, orgId: string, roles: string[] = ['org_admin', 'org_member']): boolean {
  return u.orgId === orgId && u.roles.some((r) => roles.includes(r));
}

/** Throw 403 unless the check holds. Use 404 instead where the caller may not know the object exists. */
export function requireThat(ok: boolean, message = '您没有权限进行此操作'): asserts ok {
  if (!ok) throw new Forbidden(message);
}

/** The actor recorded in audit events for an authority user. */
export function authorityActor(u: SessionUser): Actor {
  if (isMinistry(u)) return { userId: u.id, role: 'ministry', name: '工业和信息化部' };
  const region = provinceOf(u);
  if (region) return { userId: u.id, role: `province:${region}`, name: `${regionName(region)}中小企业主管部门` };
  const department = departmentOf(u);
  if (department)
    return { userId: u.id, role: `department:${department}`, name: `工业和信息化部${DEPARTMENTS[department]}` };
  return { userId: u.id, role: u.roles[0] ?? 'user' };
}
