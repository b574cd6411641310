/**
 * Statistics (programmes.md §2): the authorities' dashboards, from the counters (store/counters.ts) — one Query
 * whatever the size of the programme.
 */
import {
  DEMAND_STATUS_KEYS,
  FIELD_KEYS,
  STATS_FLOW_KEYS,
  regionName,
  type SessionUser,
  type StatsFlow,
  type StatsOverview,
} from '@jiebang/shared';
import { authorityRegion } from '../auth/roles';
import { monthOf, NATION, YUAN_PER_WAN } from '../domain/stats';
import type { RegionCounters } from '../store/counters';

export interface StatsDeps {
  repos: { stats: { read(year: number, region?: string): Promise<RegionCounters> } };
  now: Date;
}

/** A province sees its own region (asking for another is 403); the ministry the nation or any region. */
const scopeOf = (user: SessionUser, region: string | undefined): string | undefined =>
  authorityRegion(user, region, {
    otherRegion: '省级主管部门只能查看本辖区的统计',
    notAuthority: '仅主管部门可以查看统计',
  });

const zeroFlows = (): Record<StatsFlow, number> =>
  Object.fromEntries(STATS_FLOW_KEYS.map((k) => [k, 0])) as Record<StatsFlow, number>;

/**
 * The dashboard of the counters of one year: pure, so that the rebuild's figures can be shown the same way.
 * `counters` holds the scope's sums: the nation's (`NATION`, with a line per region) or the region's.
 */
export function overviewOf(year: number, region: string | null, counters: RegionCounters): StatsOverview {
  const sums = counters.get(region ?? NATION) ?? {};
  const byStatus = new Map<string, number>();
  const byField = new Map<string, number>();
  const byTrack = new Map<string, number>();
  const totals = zeroFlows();
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    ...zeroFlows(),
  }));
  const lines = new Map<string, StatsOverview['byRegion'][number]>();
  const lineOf = (r: string) => {
    let line = lines.get(r);
    if (!line) lines.set(r, (line = { region: r, name: regionName(r).slice(0, 20), demands: 0, ...zeroFlows() }));
    return line;
  };
  const isFlow = (k: string): k is StatsFlow => (STATS_FLOW_KEYS as string[]).includes(k);
  for (const [name, n] of Object.entries(sums)) {
    const [kind, a, b] = name.split('|') as [string, string, string?];
    if (kind === 's') byStatus.set(a, (byStatus.get(a) ?? 0) + n);
    else if (kind === 'f') byField.set(a, (byField.get(a) ?? 0) + n);
    else if (kind === 't') byTrack.set(a, (byTrack.get(a) ?? 0) + n);
    else if (kind === 'm' && b && isFlow(b) && a.startsWith(`${year}-`)) {
      totals[b] += n;
      months[Number(a.slice(5, 7)) - 1]![b] += n;
    } else if (kind === 'r' && region === null && b && n) {
      if (b === 'd') lineOf(a).demands += n;
      else if (isFlow(b)) lineOf(a)[b] += n;
    }
  }
  if (region !== null) {
    // A region's own line: its demands and the year's flows.
    const line = lineOf(region);
    for (const n of byStatus.values()) line.demands += n;
    Object.assign(line, { ...totals, region, demands: line.demands });
  }
  const byRegion = [...lines.values()].filter((l) => l.demands > 0 || STATS_FLOW_KEYS.some((k) => l[k] > 0));
  // The amount is counted in whole 元 (exact sums); shown in 万元.
  for (const f of [totals, ...months, ...byRegion]) f.amount /= YUAN_PER_WAN;
  byRegion.sort((x, y) => y.demands - x.demands || x.region.localeCompare(y.region));
  return {
    year,
    region,
    totals,
    demandsByStatus: DEMAND_STATUS_KEYS.filter((s) => byStatus.get(s)).map((status) => ({
      status,
      count: byStatus.get(status)!,
    })),
    demandsByField: FIELD_KEYS.filter((f) => byField.get(f))
      .map((field) => ({ field, count: byField.get(field)! }))
      .sort((x, y) => y.count - x.count),
    demandsByTrack: [...byTrack].filter(([, n]) => n).map(([track, count]) => ({ track, count })),
    byRegion,
    monthly: months,
  };
}

/** GET /v1/stats/overview?year=&region= (authorities). The year defaults to the current one (Beijing time). */
export async function statsOverview(
  user: SessionUser,
  q: { year?: number | undefined; region?: string | undefined },
  d: StatsDeps,
): Promise<StatsOverview> {
  const region = scopeOf(user, q.region);
  const year = q.year ?? Number(monthOf(d.now.toISOString()).slice(0, 4));
  return overviewOf(year, region ?? null, await d.repos.stats.read(year, region));
}
