/**
 * The supplier (affiliate) list from .xlsx (issue 16, item 7). A large group declares thousands of suppliers —
 * more than DynamoDB's 100 items of one transaction — and the list must change whole or not at all. So an import
 * writes the new list as a new generation of keys nobody reads yet, then flips the org item's pointer
 * (`affiliatesGen`) in one write conditioned on the list's version: readers (the submit's affiliation check, the
 * recommendations, the list) see the old list or the whole new one; of two concurrent imports one flips, the other
 * gets 409 and removes what it wrote; a crash before the flip leaves only unread items, swept by a later import.
 */
import { ulid } from 'ulid';
import { AFFILIATE_RELATION_LABELS, checkAffiliateRows, XLSX_CONTENT_TYPE, type SessionUser } from '@jiebang/shared';
import type { AttachmentStore } from '../attachments/types';
import { Conflict, Forbidden, InvalidInput, RuleViolation } from '../domain/errors';
import { readFirstSheet, UnreadableSheet } from '../imports/xlsx-read';
import { AFFILIATE_TEMPLATE_NAME, affiliateTemplateXlsx } from '../imports/template';
import { logger } from '../http/logger';
import { newAffiliateGeneration } from '../store/dynamo-orgs';
import { affiliatesGenOf, affiliatesVersionOf, loadOwnOrg, orgActor, type OrgDeps } from './orgs';

type ImportDeps = OrgDeps & { attachments: AttachmentStore };

/** A generation not flipped to within this time was abandoned (the import function runs 29 s at most). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

const importKey = (orgId: string, id: string) => `org/${orgId}/${id}.xlsx`;

async function loadIssuerAdmin(user: SessionUser, id: string, d: OrgDeps) {
  const org = await loadOwnOrg(user, id, d, ['org_admin']);
  if (org.kind !== 'large' && org.kind !== 'sme') throw new Forbidden('仅发榜企业需要申报关联企业名单');
  return org;
}

/** POST /v1/orgs/{id}/affiliates/uploads: a signed upload for the list's .xlsx (the issuer's admin). */
export async function createAffiliatesUpload(
  user: SessionUser,
  id: string,
  input: { name: string; size: number },
  d: ImportDeps,
) {
  await loadIssuerAdmin(user, id, d);
  const key = importKey(id, ulid());
  const ticket = await d.attachments.createUpload(key, input.size, XLSX_CONTENT_TYPE, d.now);
  return {
    key,
    upload: { url: ticket.url, method: ticket.method, headers: ticket.headers },
    expiresAt: ticket.expiresAt,
  };
}

/** GET /v1/orgs/{id}/affiliates/template: the import's template (the issuer's admin, who imports). */
export async function affiliatesTemplate(user: SessionUser, id: string, d: OrgDeps) {
  await loadIssuerAdmin(user, id, d);
  return { filename: AFFILIATE_TEMPLATE_NAME, contentType: XLSX_CONTENT_TYPE, data: affiliateTemplateXlsx() };
}

/** POST /v1/orgs/{id}/affiliates/import: the uploaded file replaces the whole list, or nothing changes. */
export async function importAffiliates(user: SessionUser, id: string, input: { key: string }, d: ImportDeps) {
  const org = await loadIssuerAdmin(user, id, d);
  if (!input.key.startsWith(`org/${id}/`)) {
    throw new InvalidInput('文件不属于本企业，请重新上传', { key: '文件不属于本企业，请重新上传' });
  }
  const bytes = await d.attachments.read(input.key);
  if (!bytes) throw new Conflict('尚未收到上传的名单文件，请先上传', 'ATTACHMENT_NOT_UPLOADED');
  let rows;
  try {
    rows = readFirstSheet(bytes);
  } catch (err) {
    if (!(err instanceof UnreadableSheet)) throw err;
    throw new RuleViolation(
      'IMPORT_FILE_UNREADABLE',
      '无法读取该文件，请上传 Excel（.xlsx）格式的名单；.xls 或 .csv 请先另存为 .xlsx',
    );
  }
  const verdict = checkAffiliateRows(rows, org.creditCode);
  if (!verdict.ok) {
    throw new RuleViolation(
      'IMPORT_ROWS_INVALID',
      verdict.message,
      verdict.problems.length > 0
        ? Object.fromEntries(verdict.problems.map((p) => [`rows.${p.row}`, p.reasons.join('；')]))
        : undefined,
    );
  }
  const from = affiliatesGenOf(org);
  const version = affiliatesVersionOf(org);
  const to = newAffiliateGeneration(d.now);
  const orgs = d.repos.orgs;
  const previousCount = (await orgs.listAffiliates(id, from)).length;
  await orgs.writeAffiliateGeneration(id, to, verdict.affiliates);
  const byRelation = Object.entries(AFFILIATE_RELATION_LABELS)
    .map(([k, label]) => [label, verdict.affiliates.filter((a) => a.relation === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n}`)
    .join('，');
  const flipped = await orgs.flipAffiliates(id, from, to, version, {
    objectType: 'org',
    objectId: id,
    action: 'affiliates_import',
    actor: orgActor(user, org),
    comment: `导入关联企业名单：${verdict.affiliates.length} 家（${byRelation}），替换原有 ${previousCount} 家`,
    at: d.now.toISOString(),
  });
  if (flipped === 'stale') {
    await sweep(id, from, to, null, d); // what this import wrote, nobody will read
    throw new Conflict('关联企业名单刚被他人修改或导入，本次未作更改，请刷新后重试', 'VERSION_CONFLICT');
  }
  await sweep(id, to, from, new Date(d.now.getTime() - ABANDONED_AFTER_MS), d);
  return { count: verdict.affiliates.length, previousCount };
}

/** Best effort: a failure leaves unread items, which the next import sweeps. */
async function sweep(orgId: string, current: string, replaced: string, abandonedBefore: Date | null, d: ImportDeps) {
  try {
    await d.repos.orgs.deleteAffiliateGenerations(orgId, current, replaced, abandonedBefore);
  } catch (err) {
    logger.warn('affiliate generation sweep failed', { error: err as Error, orgId, replaced });
  }
}
