/**
 * Recompute the statistics counters from the records and compare them with the stored ones (`npm run
 * stats:rebuild`). Maintenance, never a request path: it reads the whole table with a paginated Scan (the
 * records an area counts have no common partition to Query). With `fix`, the stored counter items are replaced by
 * the recomputed ones; run it when no counted change is being written (a change committed between the Scan and
 * the write would be lost from the counters — the next rebuild reports it).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  applicationContribution,
  demandContribution,
  eventContribution,
  meetingContribution,
  outcomeContribution,
  registrationContribution,
  withNation,
  type Contribution,
} from '../domain/stats';
import type { Store } from './client';
import { addCounterItem } from './counters';
import { ENTITY, EVENTS_ENTITY, statsKeys, STATS_ENTITY } from './keys';
import { fromItem } from './items';
import { entityTypesFilter, scanPages } from './query-all';

/**
 * What each counted entity type contributes (domain/stats.ts). An area that counts its records adds its row here
 * (events, library…), beside its `countChange` call in the transactions that change them.
 */
export const COUNTED: Record<string, (record: never) => Contribution[]> = {
  [ENTITY.demand]: demandContribution,
  [ENTITY.application]: applicationContribution,
  // events (百场万企)
  [EVENTS_ENTITY.event]: eventContribution,
  [EVENTS_ENTITY.registration]: registrationContribution,
  [EVENTS_ENTITY.meeting]: meetingContribution,
  [EVENTS_ENTITY.outcome]: outcomeContribution,
};

/**
 * Records that count only while their event is not cancelled (domain/stats.ts: a cancelled event counts for
 * nothing; its cancel takes their counts off). The rebuild joins them with their event's status.
 */
const OF_EVENT = new Set<string>([EVENTS_ENTITY.registration, EVENTS_ENTITY.meeting, EVENTS_ENTITY.outcome]);

export interface Drift {
  year: number;
  region: string;
  shard: number;
  name: string;
  stored: number;
  expected: number;
}

export interface RebuildReport {
  /** Records read, per counted entity type. */
  records: Record<string, number>;
  counterItems: number;
  drift: Drift[];
  fixed: boolean;
}

const itemId = (year: number, region: string, shard: number) => `${year}\u0000${region}\u0000${shard}`;

export async function rebuildCounters(store: Store, options: { fix?: boolean } = {}): Promise<RebuildReport> {
  const expected = new Map<string, { year: number; region: string; shard: number; sums: Record<string, number> }>();
  const stored = new Map<string, { year: number; region: string; shard: number; sums: Record<string, number> }>();
  const records: Record<string, number> = {};
  const types = [...Object.keys(COUNTED), STATS_ENTITY.counter];
  const cancelled = new Set<string>();
  const ofEvents: { eventId: string; cs: Contribution[] }[] = [];
  const add = (cs: Contribution[]) => {
    for (const c of withNation(cs)) {
      const k = itemId(c.year, c.region, c.shard);
      const e = expected.get(k) ?? { year: c.year, region: c.region, shard: c.shard, sums: {} };
      e.sums[c.name] = (e.sums[c.name] ?? 0) + c.n;
      expected.set(k, e);
    }
  };
  for await (const items of scanPages(store, { ...entityTypesFilter(types), ConsistentRead: true })) {
    for (const item of items) {
      const type = String(item.entityType);
      if (type === STATS_ENTITY.counter) {
        const shard = Number(String(item.SK).split('#S').pop());
        const sums = new Map<string, Record<string, number>>();
        addCounterItem(sums, item);
        stored.set(itemId(Number(item.year), String(item.region), shard), {
          year: Number(item.year),
          region: String(item.region),
          shard,
          sums: sums.get(String(item.region)) ?? {},
        });
        continue;
      }
      records[type] = (records[type] ?? 0) + 1;
      const cs = COUNTED[type]!(fromItem(item) as never);
      if (type === EVENTS_ENTITY.event && item.status === 'cancelled') cancelled.add(String(item.id));
      if (OF_EVENT.has(type)) ofEvents.push({ eventId: String(item.eventId), cs });
      else add(cs);
    }
  }
  for (const r of ofEvents) if (!cancelled.has(r.eventId)) add(r.cs);

  const drift: Drift[] = [];
  for (const k of new Set([...expected.keys(), ...stored.keys()])) {
    const e = expected.get(k);
    const s = stored.get(k);
    const where = (e ?? s)!;
    for (const name of new Set([...Object.keys(e?.sums ?? {}), ...Object.keys(s?.sums ?? {})])) {
      const want = e?.sums[name] ?? 0;
      const have = s?.sums[name] ?? 0;
      if (want !== have)
        drift.push({ year: where.year, region: where.region, shard: where.shard, name, stored: have, expected: want });
    }
  }

  if (options.fix && drift.length > 0) {
    const dirty = new Set(drift.map((d) => itemId(d.year, d.region, d.shard)));
    const puts = [...dirty].map((k) => {
      const e = expected.get(k) ?? stored.get(k)!;
      const sums = expected.get(k)?.sums ?? {};
      return {
        PutRequest: {
          Item: {
            ...statsKeys.counter(e.year, e.region, e.shard),
            entityType: STATS_ENTITY.counter,
            year: e.year,
            region: e.region,
            ...sums,
          },
        },
      };
    });
    for (let i = 0; i < puts.length; i += 25) {
      let request: Record<string, unknown[]> | undefined = { [store.table]: puts.slice(i, i + 25) };
      while (request && Object.keys(request).length > 0) {
        const out = await store.doc.send(new BatchWriteCommand({ RequestItems: request as never }));
        request = out.UnprocessedItems as typeof request;
      }
    }
  }
  return { records, counterItems: stored.size, drift, fixed: !!options.fix && drift.length > 0 };
}
