/**
 * BatchWriteItem over any number of requests: batches of 25 (DynamoDB's limit), `concurrency` at a time, the
 * unprocessed requests of a batch sent again with backoff. Not atomic: for writes whose visibility is decided
 * elsewhere (an affiliate list's new generation, visible once its pointer flips) or that may be repeated.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';

type Item = Record<string, unknown>;
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function batchWriteAll(
  store: Store,
  requests: WriteRequest[],
  o: { concurrency?: number; maxAttempts?: number } = {},
): Promise<number> {
  const concurrency = o.concurrency ?? 4;
  const maxAttempts = o.maxAttempts ?? 8;
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) batches.push(requests.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending: WriteRequest[] = batches[next++]!;
      for (let attempt = 1; ; attempt++) {
        const res = await store.doc.send(new BatchWriteCommand({ RequestItems: { [store.table]: pending } }));
        pending = (res.UnprocessedItems?.[store.table] as WriteRequest[] | undefined) ?? [];
        if (pending.length === 0) break;
        if (attempt >= maxAttempts) throw new Error(`${pending.length} writes unprocessed after ${attempt} attempts`);
        await sleep(Math.min(50 * 2 ** attempt, 5_000) * (0.5 + Math.random() / 2));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  return requests.length;
}
