/**
 * The 统计表 (附件6) of each authority and period (programmes.md §2): prefilled from platform records, edited and
 * submitted by the authority, returned with a comment or accepted by the ministry; every submission is kept as a
 * revision that never changes under its reader.
 */
import {
  AUTHORITY_REGIONS,
  AUTHORITY_REGION_CODES,
  STATS_TEMPLATE,
  isLate,
  mergeRows,
  nextReportState,
  regionName,
  reportActor,
  reportTotal,
  statsPeriod,
  type SessionUser,
  type StatsReport,
  type StatsReportAction,
  type StatsReportInput,
  type StatsReports,
  type StatsRow,
} from '@jiebang/shared';
import { authorityActor, isMinistry, provinceOf } from '../auth/roles';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../domain/errors';
import type { RegionCounters } from '../store/counters';
import type { DynamoStatsRepository, StoredReport } from '../store/dynamo-stats';
import { refusedAs } from '../store/transact';
import { sheetXlsx } from '../exports/xlsx';

export interface ReportDeps {
  repos: {
    stats: {
      read(year: number, region?: string): Promise<RegionCounters>;
      periodDeadline(period: string): Promise<string | null>;
      getReport(period: string, region: string): Promise<StoredReport | null>;
      listReports(period: string): Promise<StoredReport[]>;
      writeReport: DynamoStatsRepository['writeReport'];
    };
  };
  now: Date;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const authorityName = (region: string) => `${regionName(region)}中小企业主管部门`.slice(0, 40);

/** Who may read a region's report: its own province, and the ministry. Unknown regions are 404. */
function mayRead(user: SessionUser, region: string): void {
  if (!AUTHORITY_REGIONS[region]) throw new NotFound('没有这个主管部门');
  const own = provinceOf(user);
  if (own === region || isMinistry(user)) return;
  if (own) throw new Forbidden('省级主管部门只能查看本部门的统计表');
  throw new Forbidden('仅主管部门可以查看统计表');
}

/**
 * The platform's own row: the region's 大企业发榜、中小企业揭榜 work in the period, from the counters (one Query).
 * Mapping (README "Statistics"): demands published → 发布需求数, applications → 对接洽谈次数, selections →
 * 达成合作意向数, acceptances passed → 签约项目数. Events (百场万企) add one row each when that area records them.
 */
async function platformRows(region: string, period: string, d: ReportDeps): Promise<StatsRow[]> {
  const p = statsPeriod(period);
  const sums = (await d.repos.stats.read(p.year, region)).get(region) ?? {};
  const flow = (metric: string) => {
    let n = 0;
    for (let m = p.from; m <= p.to; m++) n += sums[`m|${p.year}-${String(m).padStart(2, '0')}|${metric}`] ?? 0;
    return n;
  };
  const computed = {
    name: '大企业发榜、中小企业揭榜（平台）',
    type: '发榜揭榜',
    organiser: authorityName(region),
    demands: flow('published'),
    talks: flow('applications'),
    intentions: flow('selected'),
    signed: flow('accepted'),
  };
  return [{ key: 'platform', source: 'platform', cells: { ...computed }, computed }];
}

async function deadlineOf(period: string, d: ReportDeps): Promise<string> {
  return (await d.repos.stats.periodDeadline(period)) ?? statsPeriod(period).defaultDeadline;
}

function answer(r: StoredReport, deadline: string, now: Date): StatsReport {
  const { firstSubmittedAt, ...rest } = r;
  return {
    ...rest,
    periodLabel: statsPeriod(r.period).label,
    deadline,
    late: isLate(r.state, deadline, now, firstSubmittedAt),
    total: reportTotal(r.columns as typeof STATS_TEMPLATE, r.rows),
  };
}

/** The stored report, or a fresh one prefilled from the records (not stored until saved). */
async function current(region: string, period: string, d: ReportDeps): Promise<StoredReport> {
  const stored = await d.repos.stats.getReport(period, region);
  if (stored) {
    // While the authority edits it, the platform's figures follow the records; its corrections stay.
    if (stored.state === 'draft' || stored.state === 'returned') {
      const fresh = new Map((await platformRows(region, period, d)).map((r) => [r.key, r]));
      stored.rows = stored.rows.map((r) => {
        const f = r.source === 'platform' ? fresh.get(r.key) : undefined;
        if (!f) return r;
        const cells = { ...r.cells };
        for (const [k, v] of Object.entries(f.computed ?? {})) if (r.notes?.[k] === undefined) cells[k] = v; // an uncorrected figure follows the records
        return { ...r, cells, computed: f.computed! };
      });
    }
    return stored;
  }
  return {
    region,
    authorityName: authorityName(region),
    period,
    state: 'not_started',
    version: 0,
    revision: 0,
    columns: STATS_TEMPLATE.map((c) => ({ ...c })),
    rows: await platformRows(region, period, d),
  };
}

/** GET /v1/stats/reports/{region}/{period} */
export async function getReport(user: SessionUser, region: string, period: string, d: ReportDeps) {
  mayRead(user, region);
  const [r, deadline] = await Promise.all([current(region, period, d), deadlineOf(period, d)]);
  return answer(r, deadline, d.now);
}

async function change(
  user: SessionUser,
  region: string,
  period: string,
  action: StatsReportAction,
  d: ReportDeps,
  edit: (r: StoredReport, at: string) => StoredReport,
  comment?: string,
): Promise<StatsReport> {
  mayRead(user, region);
  const by = reportActor(action);
  if (by === 'ministry' ? !isMinistry(user) : provinceOf(user) !== region)
    throw new Forbidden(by === 'ministry' ? '仅工业和信息化部可以退回或确认统计表' : '统计表由本部门填报和报送');
  const [r, deadline] = await Promise.all([current(region, period, d), deadlineOf(period, d)]);
  const to = nextReportState(r.state, action);
  if (!to)
    throw new Conflict(
      r.state === 'submitted' ? '统计表已报送，等待工业和信息化部审核' : `统计表当前为“${r.state}”，不能进行此操作`,
      'INVALID_STATE',
    );
  const at = d.now.toISOString();
  const next: StoredReport = { ...edit(r, at), state: to, version: r.version + 1, updatedAt: at };
  if (action === 'submit') {
    next.revision = r.revision + 1;
    next.submittedAt = at;
    next.firstSubmittedAt = r.firstSubmittedAt ?? at;
    delete next.comment;
  }
  if (action === 'return') {
    next.returnedAt = at;
    next.comment = comment!;
  }
  if (action === 'accept') next.acceptedAt = at;
  await refusedAs(
    d.repos.stats.writeReport(
      next,
      r.version,
      {
        objectType: 'stats_report',
        objectId: `${region}:${period}`,
        action,
        fromStatus: r.state,
        toStatus: to,
        actor: authorityActor(user),
        ...(comment ? { comment } : {}),
        at,
      },
      action === 'submit',
    ),
    () => new Conflict('统计表已被他人修改，请刷新后重试', 'VERSION_CONFLICT'),
  );
  return answer(next, deadline, d.now);
}

/** PUT /v1/stats/reports/{region}/{period} */
export function saveReport(user: SessionUser, region: string, period: string, input: StatsReportInput, d: ReportDeps) {
  return change(user, region, period, 'save', d, (r) => {
    if (input.version !== r.version) throw new Conflict('统计表已被他人修改，请刷新后重试', 'VERSION_CONFLICT');
    const { rows, errors } = mergeRows(r.columns as typeof STATS_TEMPLATE, r.rows, input.rows);
    if (Object.keys(errors).length > 0) throw new InvalidInput('统计表有需要修改的地方', errors);
    return { ...r, rows };
  });
}

export const submitReport = (user: SessionUser, region: string, period: string, d: ReportDeps) =>
  change(user, region, period, 'submit', d, (r) => r);
export const returnReport = (user: SessionUser, region: string, period: string, comment: string, d: ReportDeps) =>
  change(user, region, period, 'return', d, (r) => r, comment);
export const acceptReport = (user: SessionUser, region: string, period: string, d: ReportDeps) =>
  change(user, region, period, 'accept', d, (r) => r);

/** GET /v1/stats/reports?period=: the ministry's table of all 37 authorities; a province its own line. */
export async function listReports(user: SessionUser, period: string, d: ReportDeps): Promise<StatsReports> {
  const own = provinceOf(user);
  if (!own && !isMinistry(user)) throw new Forbidden('仅主管部门可以查看统计表');
  const [stored, deadline] = await Promise.all([d.repos.stats.listReports(period), deadlineOf(period, d)]);
  const byRegion = new Map(stored.map((r) => [r.region, r]));
  const regions = own ? [own] : AUTHORITY_REGION_CODES;
  return {
    period,
    periodLabel: statsPeriod(period).label,
    deadline,
    items: regions.map((region) => {
      const r = byRegion.get(region);
      const state = r?.state ?? 'not_started';
      return {
        region,
        authorityName: authorityName(region),
        state,
        late: isLate(state, deadline, d.now, r?.firstSubmittedAt),
        revision: r?.revision ?? 0,
        ...(r?.submittedAt ? { submittedAt: r.submittedAt } : {}),
      };
    }),
  };
}

const cellText = (v: unknown) => (v === null || v === undefined ? '' : v);

/** GET /v1/stats/reports/{region}/{period}/export: one report, its rows, a total row and the corrections' notes. */
export async function exportReport(user: SessionUser, region: string, period: string, d: ReportDeps) {
  const r = await getReport(user, region, period, d);
  const columns = r.columns.map((c) => ({ header: c.label, key: c.key, width: c.kind === 'number' ? 12 : 24 }));
  const rows: Record<string, unknown>[] = r.rows.map((row) => {
    const out: Record<string, unknown> = Object.fromEntries(r.columns.map((c) => [c.key, cellText(row.cells[c.key])]));
    const corrections = Object.entries(row.notes ?? {}).map(
      ([k, note]) =>
        `${r.columns.find((c) => c.key === k)?.label ?? k}：平台数据 ${String(row.computed?.[k] ?? '')}，更正为 ${String(row.cells[k] ?? '')}（${note}）`,
    );
    if (corrections.length) out.note = [out.note, ...corrections].filter(Boolean).join('；');
    return out;
  });
  rows.push({ ...r.total, name: '合计' });
  const data = sheetXlsx('统计表', `${r.authorityName} ${r.periodLabel}活动统计表`, columns, rows);
  return { filename: `统计表-${region}-${period}.xlsx`, contentType: XLSX, data };
}

/** GET /v1/stats/reports/{period}/export (ministry): one row per authority with its totals, and a national total. */
export async function exportRollup(user: SessionUser, period: string, d: ReportDeps) {
  if (!isMinistry(user)) throw new Forbidden('仅工业和信息化部可以导出全国汇总');
  const [stored, deadline] = await Promise.all([d.repos.stats.listReports(period), deadlineOf(period, d)]);
  const byRegion = new Map(stored.map((r) => [r.region, r]));
  const numbers = STATS_TEMPLATE.filter((c) => c.kind === 'number');
  const states = {
    not_started: '未填报',
    draft: '填报中',
    submitted: '已报送',
    returned: '已退回',
    accepted: '已确认',
  };
  const lines = AUTHORITY_REGION_CODES.map((region) => {
    const r = byRegion.get(region);
    const total = r ? reportTotal(r.columns as typeof STATS_TEMPLATE, r.rows) : {};
    const state = r?.state ?? 'not_started';
    return {
      region,
      name: authorityName(region),
      state: states[state],
      late: isLate(state, deadline, d.now, r?.firstSubmittedAt) ? '是' : '否',
      events: r ? r.rows.length : 0,
      ...Object.fromEntries(numbers.map((c) => [c.key, total[c.key] ?? 0])),
    };
  });
  const sum = (k: string) => lines.reduce((n, l) => n + Number((l as Record<string, unknown>)[k] ?? 0), 0);
  const data = sheetXlsx(
    '全国汇总',
    `${statsPeriod(period).label}“百场万企”活动统计 全国汇总`,
    [
      { header: '地区代码', key: 'region', width: 10 },
      { header: '主管部门', key: 'name', width: 30 },
      { header: '状态', key: 'state', width: 10 },
      { header: '逾期', key: 'late', width: 6 },
      { header: '活动数', key: 'events', width: 8 },
      ...numbers.map((c) => ({ header: c.label, key: c.key, width: 12 })),
    ],
    [
      ...lines,
      {
        name: '合计',
        events: sum('events'),
        ...Object.fromEntries(numbers.map((c) => [c.key, sum(c.key)])),
      },
    ],
  );
  return { filename: `统计表全国汇总-${period}.xlsx`, contentType: XLSX, data };
}
