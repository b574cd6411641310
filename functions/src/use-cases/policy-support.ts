/**
 * 揭榜企业与政策支持 (issue 16, item 7; domain.md: "Policy support follows selection … authorities need to list them
 * per region"): the authorities' list of a campaign's selected SMEs, one entry per SME, by qualification, and the
 * support each was given, recorded append-only by its authority.
 *
 * Scope: an SME belongs to the authority of its own region (domain.md "Authority regions"), the one that
 * pre-reviewed its application — not to the region of the demand it was selected on. A province lists and
 * supports the SMEs of its region (another SME is 404 to it); the ministry all of them, or one region's.
 */
import {
  QUALIFICATIONS,
  regionName,
  shanghaiDate,
  type SessionUser,
  type SupportedSme,
  type SupportedSmesQuery,
  type SupportInput,
  type SupportQualification,
  type SupportRecord,
} from '@jiebang/shared';
import { ulid } from 'ulid';
import { authorityActor } from '../auth/roles';
import { Conflict, NotFound, RuleViolation } from '../domain/errors';
import type {
  DynamoPolicySupportRepository,
  StoredSupportedSme,
  StoredSupportRecord,
} from '../store/dynamo-policy-support';
import type { Repositories } from '../store';
import { TransactionRefused, type NamedItem } from '../store/transact';
import { sheetXlsx } from '../exports/xlsx';
import { SME_COLUMNS, smeCells } from './results';
import { idempotent, type Answer, type IdempotencyUse } from './idempotent';
import { authorityScope, type ExportFile } from './results';

export interface SupportDeps {
  now: Date;
  repos: { support: DynamoPolicySupportRepository; idempotency: Repositories['idempotency'] };
}

export function supportedSmeView(e: StoredSupportedSme): SupportedSme {
  return {
    orgId: e.orgId,
    orgName: e.orgName,
    creditCode: e.creditCode,
    orgSize: e.orgSize,
    authorityRegion: e.authorityRegion,
    qualifications: e.qualifications,
    demands: [...(e.demands ?? [])].sort().map((d) => {
      const bar = d.indexOf('|');
      return { demandId: d.slice(0, bar), demandTitle: d.slice(bar + 1) };
    }),
    supportCount: e.supportCount ?? 0,
    supportTotalYuan: e.supportTotalYuan ?? 0,
    ...(e.lastSupportDate ? { lastSupportDate: e.lastSupportDate } : {}),
  };
}

export function supportRecordView(r: StoredSupportRecord): SupportRecord {
  return {
    id: r.id,
    orgId: r.orgId,
    campaignYear: r.campaignYear,
    measure: r.measure,
    amountYuan: r.amountYuan,
    date: r.date,
    ...(r.note ? { note: r.note } : {}),
    recordedAt: r.recordedAt,
    recordedByName: r.recordedByName,
  };
}

/** GET /v1/campaigns/{year}/supported-smes */
export async function listSupportedSmes(user: SessionUser, year: number, q: SupportedSmesQuery, d: SupportDeps) {
  const region = authorityScope(user, q.region);
  const page = await d.repos.support.list(year, region, q.qualification, q.limit, q.cursor);
  return { items: page.items.map(supportedSmeView), nextCursor: page.nextCursor };
}

/**
 * The SME's entry as this authority may see it: a province reads it from its own region's partition, so an SME of
 * another region is simply not found there (404, nothing said about it).
 */
async function entryFor(user: SessionUser, year: number, orgId: string, d: SupportDeps) {
  const region = authorityScope(user, undefined);
  const entry = await d.repos.support.get(year, region, orgId);
  if (!entry) throw new NotFound(region ? '本辖区本年度没有这家揭榜入选企业' : '该企业不是本年度的揭榜入选企业');
  return entry;
}

/** GET /v1/campaigns/{year}/supported-smes/{orgId}/support */
export async function listSupportRecords(user: SessionUser, year: number, orgId: string, d: SupportDeps) {
  await entryFor(user, year, orgId, d);
  return { items: (await d.repos.support.records(year, orgId)).map(supportRecordView) };
}

/** POST /v1/campaigns/{year}/supported-smes/{orgId}/support (Idempotency-Key: a replay records nothing). */
export async function recordSupport(
  user: SessionUser,
  year: number,
  orgId: string,
  input: SupportInput,
  idempotencyKey: string | undefined,
  d: SupportDeps,
): Promise<Answer> {
  return idempotent(
    user.id,
    idempotencyKey,
    `POST /v1/campaigns/${year}/supported-smes/${orgId}/support`,
    { idempotency: d.repos.idempotency, now: d.now },
    (use) => recordOnce(user, year, orgId, input, d, use),
  );
}

async function recordOnce(
  user: SessionUser,
  year: number,
  orgId: string,
  input: SupportInput,
  d: SupportDeps,
  idem: IdempotencyUse | undefined,
): Promise<Answer> {
  const entry = await entryFor(user, year, orgId, d);
  const today = shanghaiDate(d.now.getTime());
  if (input.date > today)
    throw new RuleViolation('FUTURE_DATE', `支持日期不能晚于今天（${today}），请记录已经给予的支持`);
  if (input.date < `${year}-01-01`)
    throw new RuleViolation('DATE_BEFORE_CAMPAIGN', `支持日期不能早于 ${year} 年度揭榜工作开始（${year}-01-01）`);
  const at = d.now.toISOString();
  const actor = authorityActor(user);
  const r: StoredSupportRecord = {
    id: ulid(d.now.getTime()),
    orgId,
    campaignYear: year,
    measure: input.measure,
    amountYuan: input.amountYuan,
    date: input.date,
    ...(input.note ? { note: input.note } : {}),
    recordedAt: at,
    recordedBy: user.id,
    recordedByName: actor.name ?? '主管部门',
  };
  const body = supportRecordView(r);
  const extra: NamedItem[] = idem
    ? [
        d.repos.idempotency.putItem({
          userId: user.id,
          key: idem.key,
          scope: idem.scope,
          status: 201,
          body,
          createdAt: at,
        }),
      ]
    : [];
  try {
    await d.repos.support.record(
      r,
      entry.authorityRegion,
      {
        objectType: 'org',
        objectId: orgId,
        action: 'policy_support',
        actor,
        comment: `${year}年度揭榜入选企业政策支持：${input.measure}，${formatYuan(input.amountYuan)}，${input.date}`,
        at,
      },
      extra,
    );
  } catch (err) {
    if (!(err instanceof TransactionRefused)) throw err;
    if (err.by('idempotency_key_taken')) throw new Conflict('重复的请求', 'IDEMPOTENCY_RACE'); // the caller replays the winner
    if (err.by('not_selected')) throw new NotFound('该企业不是本年度的揭榜入选企业');
    throw err;
  }
  return { status: 201, body };
}

/** 12345678 元 → "1,234.5678 万元"; under 1 万 in 元. */
export function formatYuan(yuan: number): string {
  if (yuan === 0) return '无资金';
  if (yuan < 10_000) return `${yuan} 元`;
  return `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 4 })} 万元`;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /v1/campaigns/{year}/supported-smes/export (filters as the list; built on each download). */
export async function exportSupportedSmes(
  user: SessionUser,
  year: number,
  q: { region?: string | undefined; qualification?: SupportQualification | undefined },
  d: SupportDeps,
): Promise<ExportFile> {
  const region = authorityScope(user, q.region);
  const entries = (await d.repos.support.all(year, region, q.qualification)).map(supportedSmeView);
  const where = region ? regionName(region) : '全国';
  const which = q.qualification ? `，${QUALIFICATIONS[q.qualification]}` : '';
  const data = sheetXlsx(
    '揭榜企业与政策支持',
    `${year}年度揭榜入选中小企业及政策支持（${where}${which}）`,
    [
      ...SME_COLUMNS,
      { header: '入选需求', key: 'demands', width: 50 },
      { header: '政策支持次数', key: 'count', width: 12 },
      { header: '支持金额合计（元）', key: 'total', width: 18 },
      { header: '最近记录的支持日期', key: 'last', width: 16 },
    ],
    entries.map((e, i) => ({
      ...smeCells(i + 1, e),
      demands: e.demands.map((x) => x.demandTitle).join('；'),
      count: e.supportCount,
      total: e.supportTotalYuan,
      last: e.lastSupportDate ?? '',
    })),
  );
  return { filename: `揭榜企业与政策支持-${year}-${region ?? 'all'}.xlsx`, contentType: XLSX, data };
}
