import { DEPARTMENTS, type DepartmentKey } from '@jiebang/shared';

/** The ministry department (相关司局) a user acts for (`department:<key>`), or null. */
export function departmentOfRoles(roles: readonly string[]): DepartmentKey | null {
  const role = roles.find((r) => r.startsWith('department:'));
  const key = role?.slice('department:'.length);
  return key && key in DEPARTMENTS ? (key as DepartmentKey) : null;
}
