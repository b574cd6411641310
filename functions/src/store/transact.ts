/**
 * TransactWriteItems with the two outcomes use-cases care about told apart: a condition refused (which items,
 * by index, so the caller can say why), or the store failed. Transaction conflicts — another transaction touching
 * the same items at the same instant, common when 50 requests race for one marker — are retried with jitter,
 * since the loser's conditions must be evaluated against the winner's result to give the right answer (409,
 * not 503).
 */
import { TransactWriteCommand, type TransactWriteCommandInput } from './dynamodb';
import type { Store } from './client';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The transaction was cancelled because the conditions of these items (indexes) did not hold. */
export class TransactionRefused extends Error {
  constructor(readonly failed: number[]) {
    super(`transaction refused by items ${failed.join(',')}`);
    this.name = 'TransactionRefused';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function transact(store: Store, items: TransactItem[], attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? null;
      const failed = (reasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
      if (failed.length > 0) throw new TransactionRefused(failed);
      const conflict =
        (err as Error).name === 'TransactionInProgressException' ||
        (reasons ?? []).some((r) => r.Code === 'TransactionConflict');
      if (!conflict || attempt >= attempts) throw err;
      await sleep(10 * 2 ** attempt * Math.random());
    }
  }
}
