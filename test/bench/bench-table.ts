/** What the growth benches share (besides environment.ts): bulk loading, request counting. */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../infra/local/dynamodb';

interface DocClient {
  send: (cmd: never) => Promise<unknown>;
}

/** Write `items` with BatchWriteItem, 16 batches of 25 in flight, retrying what DynamoDB left unprocessed. */
export async function batchPut(doc: DocClient, table: string, items: Record<string, unknown>[]): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < chunks.length) {
        let pending: Record<string, unknown>[] | undefined = chunks[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (pending && pending.length) {
          const res = (await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }) as never)) as {
            UnprocessedItems?: Record<string, Record<string, unknown>[]>;
          };
          pending = res.UnprocessedItems?.[table];
        }
      }
    }),
  );
}

/** Create `table` on DynamoDB Local at `endpoint` and load `items` (of `demands` demands), saying how long it took. */
export async function seedTable(
  endpoint: string,
  doc: DocClient,
  table: string,
  demands: number,
  items: Record<string, unknown>[],
): Promise<void> {
  await ensureTable(endpoint, table);
  const started = Date.now();
  await batchPut(doc, table, items);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`seeded ${table}: ${demands} demands, ${items.length} items in ${seconds} s`);
}

/** Name the commands sent through a document client, and count the items they read, until `restore`. */
export function countRequests(doc: DocClient) {
  const send = doc.send.bind(doc);
  const c = { names: [] as string[], items: 0, restore: () => void (doc.send = send) };
  doc.send = (async (cmd: never) => {
    c.names.push((cmd as object).constructor.name.replace(/Command$/, ''));
    const out = (await send(cmd)) as { Count?: number; Item?: object };
    c.items += out.Count ?? (out.Item ? 1 : 0);
    return out;
  }) as DocClient['send'];
  return c;
}

/** Median of a list of numbers. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
