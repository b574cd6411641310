/**
 * 221号 to the letter (issue 16): the direct channel is for the large enterprises the ministry's departments
 * (相关司局) contacted. A department keeps its list here; the ministry (中小企业局) reads any list.
 */
import { DEPARTMENTS, type DepartmentKey, type DirectContact, type SessionUser } from '@jiebang/shared';
import { authorityActor, departmentOf, isMinistry } from '../auth/roles';
import { Conflict, Forbidden, NotFound } from '../domain/errors';
import type { DirectContactRepository } from '../store/repositories';

interface Deps {
  user: SessionUser;
  contacts: DirectContactRepository;
  now: Date;
}

const own = (user: SessionUser, code: DepartmentKey) => departmentOf(user) === code;

/** GET /v1/departments/{code}/enterprises: the department itself and the ministry. */
export async function listContacts(code: DepartmentKey, d: Omit<Deps, 'now'>): Promise<{ items: DirectContact[] }> {
  if (!own(d.user, code) && !isMinistry(d.user)) throw new Forbidden('只有该司局和工业和信息化部可以查看此名单');
  return { items: await d.contacts.list(code) };
}

/** POST /v1/departments/{code}/enterprises: only the department's own accounts change its list. */
export async function addContact(
  code: DepartmentKey,
  input: { creditCode: string; name: string },
  d: Deps,
): Promise<DirectContact> {
  if (!own(d.user, code)) throw new Forbidden(`只有${DEPARTMENTS[code]}可以修改本司局联系的大企业名单`);
  const at = d.now.toISOString();
  const contact: DirectContact = { department: code, ...input, addedAt: at, addedBy: d.user.id };
  const added = await d.contacts.add(contact, {
    objectType: 'department',
    objectId: code,
    action: 'add_contact',
    actor: authorityActor(d.user),
    comment: `${input.name}（${input.creditCode}）`,
    at,
  });
  if (!added) throw new Conflict('该企业已在本司局联系的大企业名单中', 'DUPLICATE');
  return contact;
}

/** DELETE /v1/departments/{code}/enterprises/{creditCode}: demands already submitted keep their department. */
export async function removeContact(code: DepartmentKey, creditCode: string, d: Deps): Promise<DirectContact> {
  if (!own(d.user, code)) throw new Forbidden(`只有${DEPARTMENTS[code]}可以修改本司局联系的大企业名单`);
  const removed = await d.contacts.remove(code, creditCode, {
    objectType: 'department',
    objectId: code,
    action: 'remove_contact',
    actor: authorityActor(d.user),
    comment: creditCode,
    at: d.now.toISOString(),
  });
  if (!removed) throw new NotFound('该企业不在本司局联系的大企业名单中');
  return removed;
}
