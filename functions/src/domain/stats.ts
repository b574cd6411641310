/**
 * What each record contributes to the statistics counters (README "Statistics"). A counter is never "+1 on this
 * action": a record's contribution is a function of the record alone, and a change moves the counters by
 * contribution(after) − contribution(before). The incremental counters and the rebuild (Σ contribution over
 * every record) therefore agree by construction, whatever order, retries or refusals the changes went through.
 */
import { authorityRegionOf, type Application, type Demand } from '@jiebang/shared';

/** Shards per region and year: spreads concurrent changes of one region over this many counter items. */
export const STATS_SHARDS = 4;

/** Monthly flow metrics (by the calendar month, Beijing time, of the instant they happened). */
export const FLOW_METRICS = [
  'submitted',
  'published',
  'applications',
  'selected',
  'no_selection',
  'accepted',
  'supplier',
] as const;
export type FlowMetric = (typeof FLOW_METRICS)[number];

/** One unit of a record's contribution: `n` to counter `name` of the counter item (year, region, shard). */
export interface Contribution {
  year: number;
  region: string;
  shard: number;
  name: string;
  n: number;
}

/**
 * Counter names. Demands now in a status, field and track are three names (`s|<status>`, `f|<field>`,
 * `t|<track>`), never their product: a counter item holds at most statuses + fields + tracks + months × metrics
 * names, however many demands there are. Flows: `m|<yyyy-mm>|<metric>`. The national items (`NATION`) add per
 * region `r|<region>|d` (demands) and `r|<region>|<metric>` (the year's flows), so that the national dashboard
 * reads a few items of the nation rather than every region's.
 */
export const counterName = {
  status: (status: string) => `s|${status}`,
  field: (field: string) => `f|${field}`,
  track: (track: string) => `t|${track}`,
  flow: (month: string, metric: FlowMetric | string) => `m|${month}|${metric}`,
  regionDemands: (region: string) => `r|${region}|d`,
  regionFlow: (region: string, metric: string) => `r|${region}|${metric}`,
};

/** The pseudo-region of the national counter items (keys: `STATS#<year>` / `N#S<shard>`). */
export const NATION = 'nation';

/**
 * A region's contributions and their national counterparts: the same status, field, track and monthly names in
 * the national item of the same shard, plus the region's line (`r|…`) that the national dashboard lists.
 * Linear, so the national counters of a change are the expansion of its delta.
 */
export function withNation(cs: Contribution[]): Contribution[] {
  const out: Contribution[] = [];
  for (const c of cs) {
    out.push(c);
    if (c.region === NATION) continue;
    const national = { ...c, region: NATION };
    out.push(national);
    if (c.name.startsWith('s|')) out.push({ ...national, name: counterName.regionDemands(c.region) });
    else if (c.name.startsWith('m|'))
      out.push({ ...national, name: counterName.regionFlow(c.region, c.name.split('|')[2]!) });
  }
  return out;
}

/** The programme's calendar month of an instant (Asia/Shanghai, no daylight saving): "2026-05". */
export function monthOf(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 7);
}

/** A stable shard of an id (FNV-1a), so a record always moves the same counter item. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % STATS_SHARDS;
}

/** A flow counted in the partition of the calendar year of its month. */
export function flow(region: string, id: string, instant: string, metric: string): Contribution {
  const month = monthOf(instant);
  return { year: Number(month.slice(0, 4)), region, shard: shardOf(id), name: counterName.flow(month, metric), n: 1 };
}

/** The track of a demand: large enterprises' (221号) unless another area marked it (e.g. SME 发榜, `sme`). */
export const trackOf = (d: Demand): string => (d as Demand & { track?: string }).track ?? 'large';

/**
 * A demand counts once it has been submitted: drafts are the issuer's own business, unknown to authorities.
 * It counts in its status now (campaign year's partition), in the month it was (last) submitted, published,
 * and, when no one was selected, decided (流榜). Region: the authority region of the issuer.
 */
export function demandContribution(d: Demand | null): Contribution[] {
  if (!d || d.status === 'draft') return [];
  const at = { year: d.campaignYear, region: d.region, shard: shardOf(d.id), n: 1 };
  const out: Contribution[] = [
    { ...at, name: counterName.status(d.status) },
    { ...at, name: counterName.field(d.field) },
    { ...at, name: counterName.track(trackOf(d)) },
  ];
  if (d.submittedAt) out.push(flow(d.region, d.id, d.submittedAt, 'submitted'));
  if (d.publishedAt) out.push(flow(d.region, d.id, d.publishedAt, 'published'));
  if (d.status === 'no_selection' && d.decidedAt) out.push(flow(d.region, d.id, d.decidedAt, 'no_selection'));
  return out;
}

/**
 * An application counts in its applicant's authority region: once submitted (its last submission's month), once
 * selected (the decision's month), once its 验收 passed, and when the issuer put the SME in its supplier catalogue.
 */
export function applicationContribution(a: Application | null): Contribution[] {
  if (!a || a.status === 'draft' || !a.submittedAt) return [];
  const out = [flow(a.authorityRegion, a.id, a.submittedAt, 'applications')];
  const selected = a.status === 'selected' || a.status === 'accepted' || a.status === 'acceptance_failed';
  if (selected && a.decidedAt) out.push(selectionContribution(a.authorityRegion, a.id, a.decidedAt));
  if (a.acceptance && a.status === 'accepted')
    out.push(flow(a.authorityRegion, a.id, a.acceptance.recordedAt, 'accepted'));
  if (a.acceptance?.supplierCatalogue) out.push(flow(a.authorityRegion, a.id, a.acceptance.recordedAt, 'supplier'));
  return out;
}

/** The part of an application's contribution its selection adds (the selection writes it without the whole record). */
export function selectionContribution(region: string, applicationId: string, decidedAt: string): Contribution {
  return flow(region, applicationId, decidedAt, 'selected');
}

/** contribution(after) − contribution(before), summed per counter, zeros dropped. */
export function contributionDelta(before: Contribution[], after: Contribution[]): Contribution[] {
  const sum = new Map<string, Contribution>();
  const add = (c: Contribution, sign: number) => {
    const k = `${c.year}\u0000${c.region}\u0000${c.shard}\u0000${c.name}`;
    const cur = sum.get(k);
    if (cur) cur.n += sign * c.n;
    else sum.set(k, { ...c, n: sign * c.n });
  };
  for (const c of before) add(c, -1);
  for (const c of after) add(c, 1);
  return [...sum.values()].filter((c) => c.n !== 0);
}

// ---- events (百场万企): events, registrants, meetings, outcomes and contract amounts ----
//
// All four count in the authority region where the event is held (`statsRegion`, derived from the event's
// region when the record is written and carried on its registrations, meetings and outcomes, which are counted
// without reading the event), in the month the thing happens: an event in the month it starts, a registrant in
// its event's month, a meeting in its slot's month, an outcome in the month it was confirmed.

/** The authority region an event of division `region` counts in (the division itself when no authority has it). */
export const eventStatsRegion = (region: string): string => authorityRegionOf(region) ?? region;

/** A published event (a draft is the organiser's own; a cancelled one was not held). */
export function eventContribution(
  e: { id: string; status: string; region: string; startsAt: string } | null,
): Contribution[] {
  if (!e || e.status !== 'published') return [];
  return [flow(eventStatsRegion(e.region), e.id, e.startsAt, 'events')];
}

/** An approved registrant (host or participant). Records written before `statsRegion` existed count nothing. */
export function registrationContribution(
  r: { id: string; status: string; eventStartsAt: string; statsRegion?: string } | null,
): Contribution[] {
  if (!r || r.status !== 'approved' || !r.statsRegion) return [];
  return [flow(r.statsRegion, r.id, r.eventStartsAt, 'registrants')];
}

/** An accepted 1:1 meeting. */
export function meetingContribution(
  m: { id: string; status: string; slotStart: string; statsRegion?: string } | null,
): Contribution[] {
  if (!m || m.status !== 'accepted' || !m.statsRegion) return [];
  return [flow(m.statsRegion, m.id, m.slotStart, 'meetings')];
}

/** 元 per 万元: amounts are counted in whole 元, so that sums are exact integers in DynamoDB and in the rebuild. */
export const YUAN_PER_WAN = 10_000;

/** A confirmed outcome, and a contract's amount (in 元: `amount` flows read back as 万元). */
export function outcomeContribution(
  o: {
    id: string;
    status: string;
    kind: string;
    amount?: number | undefined;
    confirmedAt?: string | undefined;
    statsRegion?: string;
  } | null,
): Contribution[] {
  if (!o || o.status !== 'confirmed' || !o.confirmedAt || !o.statsRegion) return [];
  const out = [flow(o.statsRegion, o.id, o.confirmedAt, 'outcomes')];
  const yuan = o.kind === 'contract' ? Math.round((o.amount ?? 0) * YUAN_PER_WAN) : 0;
  if (yuan > 0) out.push({ ...flow(o.statsRegion, o.id, o.confirmedAt, 'amount'), n: yuan });
  return out;
}
