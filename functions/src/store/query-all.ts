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
