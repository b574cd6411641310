/** Every item of a Query, following its pages (for partitions that stay small: a demand's questions, a day's lines). */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';

type Item = Record<string, unknown>;
type QueryInput = Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName' | 'ExclusiveStartKey'>;

/** A Query's pages, one at a time (for a partition too large to hold whole: each page's items as they come). */
export async function* queryPages(store: Store, input: QueryInput): AsyncGenerator<Item[]> {
  let start: Item | undefined;
  do {
    const page = await store.doc.send(new QueryCommand({ TableName: store.table, ...input, ExclusiveStartKey: start }));
    yield page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
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
