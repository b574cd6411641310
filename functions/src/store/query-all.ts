/** Every item of a Query, following its pages (for partitions that stay small: a demand's questions, a day's lines). */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';

type Item = Record<string, unknown>;

export async function queryAll(
  store: Store,
  input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>,
): Promise<Item[]> {
  const out: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await store.doc.send(new QueryCommand({ TableName: store.table, ...input, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
