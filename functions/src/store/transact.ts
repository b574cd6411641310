/**
 * TransactWriteItems with the two outcomes use-cases care about told apart: a condition refused (which items,
 * by index, so the caller can say why), or the store failed. Transaction conflicts — another transaction touching
 * the same items at the same instant, common when 50 requests race for one marker — are retried with jitter,
 * since the loser's conditions must be evaluated against the winner's result to give the right answer (409,
 * not 503).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../http/errors';
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
      const reasons =
        err instanceof TransactionCanceledException
          ? (err.CancellationReasons ?? [])
          : ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? null);
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

/** Opaque cursor of an index Query: the LastEvaluatedKey, accepted back only for the index partition it came from. */
export function encodeIndexCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : null;
}

export function decodeIndexCursor(
  cursor: string | undefined,
  index: 'GSI1' | 'GSI2',
  partition: string,
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const names = ['PK', 'SK', `${index}PK`, `${index}SK`];
    if (
      v &&
      typeof v === 'object' &&
      v[`${index}PK`] === partition &&
      Object.keys(v).length === 4 &&
      names.every((n) => typeof v[n] === 'string')
    ) {
      return v as Record<string, string>;
    }
  } catch {
    // fall through
  }
  throw new ValidationError('分页游标无效，请从第一页重新加载', { cursor: '分页游标无效' });
}
