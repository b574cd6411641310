/**
 * A page of one partition (table or index) with optional filters on its items' attributes: still one Query of that
 * partition — never a Scan of the table — whose read grows with the partition, not with the table. Made for
 * working sets that stay in the hundreds to low thousands (an authority's review queue, what it decided in a
 * campaign): with a filter, a page reads up to FILTER_READS Queries of 3 × limit items to fill itself, and may
 * come back shorter with a cursor (the client loads more).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { decodeCursor, encodeCursor } from './cursor';

type Item = Record<string, unknown>;

/**
 * Equalities on attributes, lower bounds (`atLeast`: the attribute is ≥ the value, as strings — ISO instants in
 * UTC compare in time order) and a substring of any of some text attributes; undefined values are no filter.
 */
export interface ItemFilter {
  equals?: Record<string, string | undefined>;
  atLeast?: Record<string, string | undefined>;
  contains?: { attributes: string[]; text: string | undefined };
  /** Attributes the item must have. */
  exists?: string[];
}

const FILTER_READS = 3;

function expression(f: ItemFilter) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [attr, value] of Object.entries(f.equals ?? {})) {
    if (value === undefined) continue;
    names[`#${attr}`] = attr;
    values[`:${attr}`] = value;
    parts.push(`#${attr} = :${attr}`);
  }
  for (const [attr, value] of Object.entries(f.atLeast ?? {})) {
    if (value === undefined) continue;
    names[`#${attr}`] = attr;
    values[`:min_${attr}`] = value;
    parts.push(`#${attr} >= :min_${attr}`);
  }
  for (const attr of f.exists ?? []) {
    names[`#${attr}`] = attr;
    parts.push(`attribute_exists(#${attr})`);
  }
  if (f.contains?.text) {
    values[':text'] = f.contains.text;
    const any = f.contains.attributes.map((a) => {
      names[`#${a}`] = a;
      return `contains(#${a}, :text)`;
    });
    parts.push(`(${any.join(' OR ')})`);
  }
  return parts.length ? { FilterExpression: parts.join(' AND '), names, values } : null;
}

export interface PartitionQuery {
  /** The index, or the table's own PK when absent. */
  index?: 'GSI1' | 'GSI2';
  partition: string;
  filter: ItemFilter;
  /** Oldest first (queues) or newest first. */
  ascending: boolean;
}

function input(q: PartitionQuery) {
  const pk = q.index ? `${q.index}PK` : 'PK';
  const f = expression(q.filter);
  return {
    base: {
      ...(q.index ? { IndexName: q.index } : {}),
      KeyConditionExpression: `${pk} = :pk`,
      ExpressionAttributeValues: { ':pk': q.partition, ...(f?.values ?? {}) },
      ...(f ? { FilterExpression: f.FilterExpression, ExpressionAttributeNames: f.names } : {}),
    },
    filtered: f !== null,
  };
}

/** One page (at most `limit` items) and the cursor after its last item. */
export async function filteredPage(
  store: Store,
  q: PartitionQuery,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const { base, filtered } = input(q);
  const keyNames = q.index ? ['PK', 'SK', `${q.index}PK`, `${q.index}SK`] : ['PK', 'SK'];
  let start = (q.index ? decodeCursor(cursor, q.partition, q.index) : decodeCursor(cursor, q.partition)) as
    Item | undefined;
  const items: Item[] = [];
  let next: Item | undefined;
  for (let read = 0; read < (filtered ? FILTER_READS : 1); read++) {
    const out = await store.doc.send(
      new QueryCommand({
        TableName: store.table,
        ...base,
        ScanIndexForward: q.ascending,
        Limit: filtered ? limit * 3 : limit,
        ExclusiveStartKey: start,
      }),
    );
    const got = out.Items ?? [];
    const room = limit - items.length;
    items.push(...got.slice(0, room));
    if (got.length > room) {
      // Stopped inside the page: continue after the last item kept.
      const last = got[room - 1]!;
      next = Object.fromEntries(keyNames.map((k) => [k, last[k]]));
      break;
    }
    next = out.LastEvaluatedKey;
    if (!next || items.length >= limit) break;
    start = next;
  }
  return { items, nextCursor: encodeCursor(next) };
}

/** How many items of the partition pass the filter: COUNT Queries (read capacity of the whole partition). */
export async function countMatching(store: Store, q: PartitionQuery): Promise<number> {
  const { base } = input(q);
  let total = 0;
  let start: Item | undefined;
  do {
    const out = await store.doc.send(
      new QueryCommand({ TableName: store.table, ...base, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    total += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return total;
}

/** A page and how many items of the partition pass the filter, read in parallel. */
export async function pageWithTotal(store: Store, q: PartitionQuery, limit: number, cursor: string | undefined) {
  const [page, total] = await Promise.all([filteredPage(store, q, limit, cursor), countMatching(store, q)]);
  return { ...page, total };
}
