/**
 * 揭榜名单: the public list of a campaign's selected applicants per demand, and the authorities' lists of selected
 * SMEs with their qualifications (policy support follows selection). Both are Queries of result lines written
 * by the selection transaction; both export to .xlsx. An anonymous issuer appears as 匿名发榜企业 everywhere —
 * its name is not even stored on the lines.
 *
 * An export is answered by the version of its lines (one strongly consistent GetItem; the transactions that
 * write lines count each change there): the ETag derives from it, so a client holding the current file gets 304
 * without a line being read, and a file built for a version is reused while the version stands.
 */
import {
  FIELDS,
  QUALIFICATIONS,
  regionName,
  APPLICANT_CLASS_LABELS,
  acceptanceOutcomeText,
  noticePeriod,
  resultNoticePeriod,
  resultState,
  type Campaign,
  type PublicResults,
  type ResultLine,
  type SelectedSmeLine,
  type SessionUser,
} from '@jiebang/shared';
import { createHash } from 'node:crypto';
import { authorityRegion } from '../auth/roles';
import type { DynamoEvaluationRepository, StoredResultLine } from '../store/dynamo-evaluation';
import type { PublicityLine } from '../store/dynamo-publicity';
import type { CampaignRepository } from '../store/repositories';
import type { EvalDeps } from './evaluation';
import { FileCache } from '../exports/cache';
import { sheetXlsx, type SheetColumn } from '../exports/xlsx';

/** The public part of a line: a whitelist, so a field added to the stored line never leaks by default. */
export function publicLine(l: StoredResultLine): ResultLine {
  return {
    demandId: l.demandId,
    demandTitle: l.demandTitle,
    field: l.field,
    issuerName: l.issuerName,
    orgName: l.orgName,
    selectedAt: l.selectedAt,
  };
}

export function authorityLine(l: StoredResultLine): SelectedSmeLine {
  return {
    ...publicLine(l),
    applicationId: l.applicationId,
    orgId: l.orgId,
    creditCode: l.creditCode,
    orgSize: l.orgSize,
    authorityRegion: l.authorityRegion,
    qualifications: l.qualifications,
    ...(l.acceptance ? { acceptance: l.acceptance } : {}),
  };
}

// publicity (公示, issue 17): the public list carries each result's state and the campaign's period.
/** GET /v1/campaigns/{year}/results (public): a page of lines with their state, and the campaign's period. */
export async function publicResults(
  year: number,
  q: { limit: number; cursor?: string | undefined },
  d: {
    now: Date;
    repos: { evaluation: Pick<DynamoEvaluationRepository, 'listResults'>; campaigns: Pick<CampaignRepository, 'get'> };
  },
): Promise<PublicResults> {
  const [campaign, page] = await Promise.all([
    d.repos.campaigns.get(year),
    d.repos.evaluation.listResults(year, undefined, q.limit, q.cursor),
  ]);
  const lines = page.items as PublicityLine[];
  return {
    items: lines.map((l) => {
      const period = periodOf(campaign, l.selectedAt);
      return { ...publicLine(l), state: resultState(l, period, d.now), noticeUntil: period.until };
    }),
    nextCursor: page.nextCursor,
    noticePeriod: campaign ? noticePeriod(campaign) : null,
  };
}

/** A result's period; without a campaign (a year set up before campaigns existed) from its selection. */
function periodOf(campaign: Campaign | null, selectedAt: string) {
  return resultNoticePeriod(campaign ?? { selectionDeadline: selectedAt }, selectedAt);
}

/**
 * Which list an authority may read: a province only its own region's (asking for another is 403); the ministry
 * any region, or the whole campaign when none is given. Everyone else: 403.
 */
export const authorityScope = (user: SessionUser, region: string | undefined): string | undefined =>
  authorityRegion(user, region, {
    otherRegion: '省级主管部门只能查看本辖区的入选企业',
    notAuthority: '仅主管部门可以查看入选企业名单',
  });

/** GET /v1/campaigns/{year}/selected-smes?region= (authorities). */
export async function selectedSmes(
  user: SessionUser,
  year: number,
  q: { limit: number; cursor?: string | undefined; region?: string | undefined },
  d: EvalDeps,
) {
  const region = authorityScope(user, q.region);
  const page = await d.repos.evaluation.listResults(year, region, q.limit, q.cursor);
  return { items: page.items.map(authorityLine), nextCursor: page.nextCursor };
}

export interface ExportFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** An export known by its ETag from the version of its data; the file is built, or reused, only when sent. */
export interface VersionedExport {
  etag: string;
  file: () => Promise<ExportFile>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Change when an export's layout (columns, titles, labels) changes: the ETag and the cached files are then those
 * of the new layout, and a client holding a file of the old one downloads again.
 */
const EXPORT_FORMAT = 2; // 2: 验收后合作 in the notice's words (issue 16)

/** Files built by this instance: a handful of scopes are asked for, each file is tens of KB. */
const built = new FileCache(16, 16 * 1024 * 1024);

function versioned(what: string, version: number, build: () => Promise<ExportFile>): VersionedExport {
  const key = `${what}|v${version}|f${EXPORT_FORMAT}`;
  return {
    // Opaque: a hash, so that no client reads meaning into it.
    etag: `"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`,
    file: async () => {
      const hit = built.get(key);
      if (hit) return hit;
      const file = await build();
      built.set(key, file);
      return file;
    },
  };
}

const shanghaiDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/** The demand a result line is about, in both 揭榜名单 exports: its title, field and issuer (as the line names it). */
const DEMAND_COLUMNS: SheetColumn[] = [
  { header: '需求名称', key: 'title', width: 40 },
  { header: '所属领域', key: 'field', width: 14 },
  { header: '发榜企业', key: 'issuer', width: 30 },
];
const demandCells = (l: { demandTitle: string; field: keyof typeof FIELDS; issuerName: string }) => ({
  title: l.demandTitle,
  field: FIELDS[l.field],
  issuer: l.issuerName,
});
const SELECTED_AT_COLUMN: SheetColumn = { header: '入选日期', key: 'date', width: 12 };

/** GET /v1/campaigns/{year}/results/export (public). */
export async function exportPublicResults(year: number, d: EvalDeps): Promise<VersionedExport> {
  // The version first, then the lines (strongly consistent): the file holds at least that version's lines.
  const version = await d.repos.evaluation.resultsVersion(year, 'public');
  return versioned(`results|${year}`, version, () => buildPublicResults(year, d));
}

async function buildPublicResults(year: number, d: EvalDeps): Promise<ExportFile> {
  const lines = (await d.repos.evaluation.allResults(year, undefined)).map(publicLine);
  const data = sheetXlsx(
    '揭榜名单',
    `${year}年度大企业发榜 揭榜名单`,
    [
      { header: '序号', key: 'n', width: 6 },
      ...DEMAND_COLUMNS,
      { header: '揭榜企业', key: 'org', width: 30 },
      SELECTED_AT_COLUMN,
    ],
    lines.map((l, i) => ({
      n: i + 1,
      ...demandCells(l),
      org: l.orgName,
      date: shanghaiDate(l.selectedAt),
    })),
  );
  return { filename: `揭榜名单-${year}.xlsx`, contentType: XLSX, data };
}

/** The selected SME's identity in the authorities' exports (入选企业名单, 揭榜企业与政策支持): numbered rows first. */
export const SME_COLUMNS: SheetColumn[] = [
  { header: '序号', key: 'n', width: 6 },
  { header: '揭榜企业', key: 'org', width: 30 },
  { header: '统一社会信用代码', key: 'code', width: 22 },
  { header: '企业规模', key: 'size', width: 10 },
  { header: '所属主管部门地区', key: 'region', width: 16 },
  { header: '资质', key: 'quals', width: 40 },
];

export const smeCells = (
  n: number,
  s: Pick<SelectedSmeLine, 'orgName' | 'creditCode' | 'orgSize' | 'authorityRegion' | 'qualifications'>,
) => ({
  n,
  org: s.orgName,
  code: s.creditCode,
  size: APPLICANT_CLASS_LABELS[s.orgSize],
  region: regionName(s.authorityRegion),
  quals: s.qualifications.map((q) => QUALIFICATIONS[q]).join('；'),
});

/** GET /v1/campaigns/{year}/selected-smes/export?region= (authorities). */
export async function exportSelectedSmes(
  user: SessionUser,
  year: number,
  q: { region?: string | undefined },
  d: EvalDeps,
): Promise<VersionedExport> {
  const region = authorityScope(user, q.region);
  const version = await d.repos.evaluation.resultsVersion(year, region ? { region } : 'all');
  return versioned(`selected-smes|${year}|${region ?? 'all'}`, version, () => buildSelectedSmes(year, region, d));
}

async function buildSelectedSmes(year: number, region: string | undefined, d: EvalDeps): Promise<ExportFile> {
  const lines = (await d.repos.evaluation.allResults(year, region)).map(authorityLine);
  const where = region ? regionName(region) : '全国';
  const data = sheetXlsx(
    '入选企业',
    `${year}年度揭榜入选中小企业名单（${where}）`,
    [
      ...SME_COLUMNS,
      ...DEMAND_COLUMNS,
      SELECTED_AT_COLUMN,
      { header: '验收结果', key: 'acceptance', width: 10 },
      { header: '验收后合作', key: 'supplier', width: 14 },
    ],
    lines.map((l, i) => ({
      ...smeCells(i + 1, l),
      ...demandCells(l),
      date: shanghaiDate(l.selectedAt),
      acceptance: l.acceptance ? (l.acceptance.result === 'passed' ? '通过' : '未通过') : '未验收',
      supplier: l.acceptance ? acceptanceOutcomeText(l.acceptance) : '',
    })),
  );
  return { filename: `揭榜入选企业-${year}-${region ?? 'all'}.xlsx`, contentType: XLSX, data };
}
