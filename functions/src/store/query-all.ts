/** Every item of a Query, following its pages (for partitions that stay small: a demand's questions, a day's lines). */
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';

type Item = Record<string, unknown>;
type QueryInput = Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName' | 'ExclusiveStartKey'>;
type ScanInput = Omit<ConstructorParameters<typeof ScanCommand>[0], 'TableName' | 'ExclusiveStartKey'>;

/** The pages of one paginated read: `read(start)` sends it from `start` (undefined for the first page). */
async function* pagesOf(
  read: (start: Item | undefined) => Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>,
): AsyncGenerator<Item[]> {
  let start: Item | undefined;
  do {
    const page = await read(start);
    yield page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** A Query's pages, one at a time (for a partition too large to hold whole: each page's items as they come). */
export function queryPages(store: Store, input: QueryInput): AsyncGenerator<Item[]> {
  return pagesOf((start) =>
    store.doc.send(new QueryCommand({ TableName: store.table, ...input, ExclusiveStartKey: start })),
  );
}

/**
 * A Scan's pages, one at a time: maintenance only (the rebuild and backfill scripts), never a request path — it
 * reads the whole table.
 */
export function scanPages(store: Store, input: ScanInput): AsyncGenerator<Item[]> {
  return pagesOf((start) =>
    store.doc.send(new ScanCommand({ TableName: store.table, ...input, ExclusiveStartKey: start })),
  );
}

/** A Scan filter keeping the items of the given entity types (`entityType IN (:t0, :t1, …)`). */
export function entityTypesFilter(types: string[]): Pick<ScanInput, 'FilterExpression' | 'ExpressionAttributeValues'> {
  const values = Object.fromEntries(types.map((t, i) => [`:t${i}`, t]));
  return { FilterExpression: `entityType IN (${Object.keys(values).join(', ')})`, ExpressionAttributeValues: values };
}

export async function queryAll(store: Store, input: QueryInput): Promise<Item[]> {
  const out: Item[] = [];
  for await (const items of queryPages(store, input)) out.push(...items);
  return out;
}

/** One request's items (a partition read whole in one page, or the first `Limit` of it). */
export async function queryOnce(store: Store, input: QueryInput): Promise<Item[]> {
  return (await store.doc.send(new QueryCommand({ TableName: store.table, ...input }))).Items ?? [];
}

/**
 * The entries of a sparse outbox on GSI2 (`GSI2PK` the outbox, `GSI2SK` `<due ISO instant>#…`) due at `now`, oldest
 * due first: one Query. The notifications' and the search indexer's outboxes are read alike.
 */
export async function dueOnOutbox(store: Store, outbox: string, now: Date, limit: number): Promise<Item[]> {
  return queryOnce(store, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :upper',
    ExpressionAttributeValues: { ':pk': outbox, ':upper': `${now.toISOString()}#~` },
    Limit: limit,
  });
}
