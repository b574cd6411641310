import '../lib/zod-setup';
import type { Member, Org, OrgInput, orgCreatedSchema } from '@jiebang/shared';
import { MAX_IMPORT_BYTES } from '@jiebang/shared';
import {
  invitesAccept,
  orgsAffiliatesGet,
  orgsAffiliatesImport,
  orgsAffiliatesTemplate,
  orgsAffiliatesUpload,
  orgsCreate,
  orgsGet,
  orgsInvitesCreate,
  orgsMembersDelete,
  orgsMembersList,
  orgsMembersPut,
} from '@jiebang/shared/routes/orgs';
import type { z } from 'zod';
import { call } from './api';
import { formatBytes, pickFile, putFile, type PickedFile } from './attachments';
import { downloadXlsx } from './download';
import { ApiError } from './http';
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

/**
 * A page of the issuer's affiliate (supplier) list in force, by name (GET /v1/orgs/{id}/affiliates; its members
 * read it): `q` a whole credit code (exact), or part of a name / the start of a code; `total` counts the matches.
 */
export async function listAffiliates(orgId: string, opts: { q?: string; cursor?: string | null; limit?: number } = {}) {
  const page = await call(orgsAffiliatesGet, {
    params: { id: orgId },
    query: {
      limit: opts.limit ?? 20,
      ...(opts.q ? { q: opts.q } : {}),
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    },
  });
  // Entries are known by their code (usePagedList keys items by id).
  return { ...page, items: page.affiliates.map((a) => ({ ...a, id: a.creditCode })) };
}

/** The import's template (.xlsx: the header row, an example row, a 说明 sheet), as the server generates it. */
export const downloadAffiliatesTemplate = (orgId: string) =>
  downloadXlsx(orgsAffiliatesTemplate, { id: orgId }, '关联企业名单导入模板.xlsx');

/** Let the admin pick the supplier list: an .xlsx from a WeChat chat (mini-program) or the device (H5). */
export const pickSpreadsheet = () =>
  pickFile({
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: ['xlsx'],
  });

/** Client-side checks of the picked list before anything is sent (the server reads and checks every row). */
export function spreadsheetProblem(file: Pick<PickedFile, 'name' | 'size'>): string | null {
  if (!/\.xlsx$/i.test(file.name))
    return '请选择 Excel（.xlsx）格式的名单；.xls 或 .csv 请先在 Excel / WPS 中另存为 .xlsx';
  if (file.size < 22) return '文件为空，请重新选择';
  if (file.size > MAX_IMPORT_BYTES) return `文件 ${formatBytes(file.size)}，超过 5 MB 的上限`;
  return null;
}

/**
 * Replace the whole affiliate list with a picked .xlsx, as the stamped scans are uploaded: a signed PUT of the
 * file (progress 0–0.9), then the import (the server reads and checks every row: 0.9–1). The list changes whole
 * or not at all: 422 `IMPORT_ROWS_INVALID` carries `fields["rows.<n>"]`, see `refusedRows`.
 */
export async function importAffiliates(orgId: string, file: PickedFile, onProgress: (fraction: number) => void) {
  const problem = spreadsheetProblem(file);
  if (problem) throw new ApiError(0, 'BAD_FILE', problem);
  onProgress(0);
  const ticket = await call(orgsAffiliatesUpload, {
    params: { id: orgId },
    body: { name: file.name.slice(-100), size: file.size },
  });
  onProgress(0.05);
  await putFile(ticket.upload, file, (p) => onProgress(0.05 + p * 0.85));
  onProgress(0.9);
  const result = await call(orgsAffiliatesImport, { params: { id: orgId }, body: { key: ticket.key } });
  onProgress(1);
  return result;
}

/** The rows a refused import names, in the sheet's order: `{ row, reason }` from the error's `rows.<n>` fields. */
export function refusedRows(err: unknown): { row: number; reason: string }[] {
  if (!(err instanceof ApiError) || !err.fields) return [];
  return Object.entries(err.fields)
    .filter(([k]) => k.startsWith('rows.'))
    .map(([k, reason]) => ({ row: Number(k.slice('rows.'.length)), reason }))
    .sort((a, b) => a.row - b.row);
}
