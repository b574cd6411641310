/**
 * 221号 on paper (issue 16, item 6): the stamped scan of a printed form (需求表, 申请书), uploaded as an
 * attachment first, recorded on the demand or the application. Apart from ./paper-forms.ts so that the two
 * functions that record scans do not bundle the PDF code nor get the CJK font in their zips.
 */
import type { SessionUser, StampedScan } from '@jiebang/shared';
import { inOrg } from '../auth/roles';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../domain/errors';
import type { Repositories } from '../store';
import { refusedAs } from '../store/transact';
import { applicantActor, canSee } from './applications';
import { issuerActor, viewerOf } from './demands';
import type { PaperDeps } from './paper-forms';

/** The forms' deps without the origin (a type-only import: the PDF code stays out of these bundles). */
export type ScanDeps = Pick<PaperDeps, 'repos' | 'now'>;

type AttachmentRef = { key: string; name: string };

const WITHDRAWN = () => new Conflict('已撤回，不能再登记盖章扫描件', 'WITHDRAWN');
const CHANGED = () => new Conflict('记录已被修改，请刷新后重试', 'VERSION_CONFLICT');

/**
 * The scan `user` records on a record of the enterprise `orgId` (`owner` names it in the refusal): only that
 * enterprise's members (403), not once the record is withdrawn (409), and only an attachment of that enterprise
 * that the server checked (confirmed; 400 otherwise).
 */
async function scanFor(
  user: SessionUser,
  record: { status: string },
  orgId: string,
  owner: string,
  input: AttachmentRef,
  d: ScanDeps,
): Promise<StampedScan> {
  if (!inOrg(user, orgId)) throw new Forbidden(`仅${owner}可以登记盖章扫描件`);
  if (record.status === 'withdrawn') throw WITHDRAWN();
  const attachmentId = (input.key.split('/')[2] ?? '').replace(/\.pdf$/, '');
  if (!input.key.startsWith(`org/${orgId}/`) || !(await d.repos.orgs.getAttachment(orgId, attachmentId))) {
    throw new InvalidInput('扫描件不属于本企业或尚未上传完成，请重新上传', {
      key: '请上传本企业盖章后的扫描件（PDF）',
    });
  }
  return { key: input.key, name: input.name, at: d.now.toISOString() };
}

/** The record with `scan` recorded: its next version, updated when the scan was recorded. */
const withScan = <R extends { version: number }>(record: R, scan: StampedScan) => ({
  ...record,
  stampedScan: scan,
  version: record.version + 1,
  updatedAt: scan.at,
});

/** PUT /v1/demands/{id}/stamped-scan: the issuer records the stamped 需求表 (again: the newest counts). */
export async function recordDemandScan(
  user: SessionUser,
  id: string,
  input: AttachmentRef,
  d: ScanDeps,
): Promise<StampedScan> {
  const demand = await d.repos.demands.get(id);
  if (!demand || !viewerOf(user, demand)) throw new NotFound('需求不存在');
  const scan = await scanFor(user, demand, demand.issuerOrgId, '发榜企业', input, d);
  const audit = {
    objectType: 'demand' as const,
    objectId: id,
    action: 'stamped_scan',
    actor: issuerActor(user, demand),
    at: scan.at,
  };
  if (!(await d.repos.demands.transition(demand, withScan(demand, scan), { audit, notifications: [] })))
    throw CHANGED();
  return scan;
}

/** PUT /v1/applications/{id}/stamped-scan: the applicant records the stamped 申请书 (again: the newest counts). */
export async function recordApplicationScan(
  user: SessionUser,
  id: string,
  input: AttachmentRef,
  d: ScanDeps & { repos: Pick<Repositories, 'applications'> },
): Promise<StampedScan> {
  const app = await d.repos.applications.get(id);
  if (!app || !canSee(user, app)) throw new NotFound('揭榜申请不存在');
  const scan = await scanFor(user, app, app.orgId, '揭榜企业', input, d);
  const actor = applicantActor(user, { id: app.orgId, name: app.orgName });
  await refusedAs(
    d.repos.applications.write(withScan(app, scan), app, {
      audit: { objectType: 'application', objectId: id, action: 'stamped_scan', actor, at: scan.at },
      notifications: [],
    }),
    () => CHANGED(),
  );
  return scan;
}
