/**
 * Statistics counters (keys S1 in keys.ts), moved in the same TransactWriteItems as the change they count.
 *
 * An area adds its counts with ONE call in the transaction it already writes:
 *   `...countChange(table, fooContribution(before), fooContribution(after))`
 * where `fooContribution` (functions/src/domain/stats.ts) says what a record counts for; and registers the
 * record's entity type in `COUNTED` (store/counters-rebuild.ts) so that the rebuild can recompute it.
 *
 * Several changes of one transaction may touch the same counter item (a selection: the demand's and the selected
 * applications' counters in one region), which DynamoDB refuses; `transact` merges them (`mergeCounterUpdates`).
 */
import { contributionDelta, NATION, withNation, type Contribution } from '../domain/stats';
import type { Store } from './client';
import { queryAll } from './query-all';
import { statsKeys, STATS_ENTITY } from './keys';
import type { TransactItem, WriteItem } from './transact';

/** The contributions an Update item carries, so that `mergeCounterUpdates` can fold several into one. */
const carried = new WeakMap<object, Contribution[]>();

function updateOf(table: string, cs: Contribution[]): WriteItem {
  const { year, region, shard } = cs[0]!;
  const item: WriteItem = {
    Update: {
      TableName: table,
      Key: statsKeys.counter(year, region, shard),
      UpdateExpression: `SET entityType = :et, #year = :y, #region = :r ADD ${cs.map((_, i) => `#c${i} :n${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        '#year': 'year',
        '#region': 'region',
        ...Object.fromEntries(cs.map((c, i) => [`#c${i}`, c.name])),
      },
      ExpressionAttributeValues: {
        ':et': STATS_ENTITY.counter,
        ':y': year,
        ':r': region,
        ...Object.fromEntries(cs.map((c, i) => [`:n${i}`, c.n])),
      },
    },
  };
  carried.set(item, cs);
  return item;
}

const itemKey = (c: Contribution) => `${c.year}\u0000${c.region}\u0000${c.shard}`;

/**
 * One ADD Update per counter item the contributions touch (none when they cancel out): the regions' items and the
 * national ones (`withNation`).
 */
export function counterUpdates(table: string, delta: Contribution[]): WriteItem[] {
  // Summed again: a status change moves the region's demands line by −1 and +1, which cancel.
  return itemUpdates(table, contributionDelta([], withNation(delta)));
}

function itemUpdates(table: string, delta: Contribution[]): WriteItem[] {
  const byItem = new Map<string, Contribution[]>();
  for (const c of delta) {
    if (c.n === 0) continue;
    const k = itemKey(c);
    byItem.set(k, [...(byItem.get(k) ?? []), c]);
  }
  return [...byItem.values()].map((cs) => updateOf(table, cs));
}

/** The counter Updates of a record's change: contribution(after) − contribution(before). */
export function countChange(table: string, before: Contribution[], after: Contribution[]): WriteItem[] {
  return counterUpdates(table, contributionDelta(before, after));
}

/**
 * Fold the counter Updates of one transaction that hit the same item into one (DynamoDB refuses two operations on
 * one item in a transaction). Other items pass unchanged, in order.
 */
export function mergeCounterUpdates(items: TransactItem[]): TransactItem[] {
  const counters = items.filter((i) => carried.has(i));
  if (counters.length < 2) return items;
  const table = (counters[0] as { Update: { TableName: string } }).Update.TableName;
  const merged = itemUpdates(
    table,
    contributionDelta(
      [],
      counters.flatMap((i) => carried.get(i)!),
    ),
  );
  return [...items.filter((i) => !carried.has(i)), ...merged];
}

/** Counter values per authority region: name → value. */
export type RegionCounters = Map<string, Record<string, number>>;

const META = new Set(['PK', 'SK', 'entityType', 'year', 'region']);

/** Sum one counter item (a shard) into `into`. */
export function addCounterItem(into: RegionCounters, item: Record<string, unknown>): void {
  const region = String(item.region);
  const sums = into.get(region) ?? {};
  for (const [k, v] of Object.entries(item)) if (!META.has(k) && typeof v === 'number') sums[k] = (sums[k] ?? 0) + v;
  into.set(region, sums);
}

/**
 * A year's counters: the nation's (region omitted; keyed `NATION` in the answer) or one region's. ONE Query of the
 * year's partition: `begins_with N#` (4 items) or `begins_with R#<region>#` (4 items). Each item holds at most
 * statuses + fields + tracks + months × metrics names (the nation's also a line per region), however many records
 * are counted; a further page is read if it ever exceeds 1 MB.
 */
export async function readCounters(store: Store, year: number, region?: string): Promise<RegionCounters> {
  const out: RegionCounters = new Map();
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
    ExpressionAttributeValues: {
      ':pk': statsKeys.partition(year),
      ':p': region ? statsKeys.regionPrefix(region) : statsKeys.nationPrefix,
    },
  });
  for (const item of items) addCounterItem(out, item);
  if (!region && !out.has(NATION)) out.set(NATION, {});
  return out;
}
