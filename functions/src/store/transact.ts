/**
 * TransactWriteItems with the two outcomes use-cases care about told apart: a condition refused (named: which
 * conditions, so the caller can say why), or the store failed. Transaction conflicts — another transaction
 * touching the same items at the same instant, common when 50 requests race for one marker — are retried with
 * jitter, since the loser's conditions must be evaluated against the winner's result to give the right answer
 * (409, not 503).
 */
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { mergeCounterUpdates } from './counters';
import { AUDIT_HEAD_MOVED, chainAudits, isAuditPut, type AuditPut } from './events';
import type { Key } from './keys';

/** One item of a TransactWriteItems, as the document client takes it. */
export type WriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * An item whose condition has a name: what it means when DynamoDB refuses it ("applicant_marker_taken"). A
 * repository names the conditions of the items it builds; the caller decides on names, never on positions.
 */
export interface NamedItem {
  refusal: string;
  item: WriteItem;
}

/**
 * What `transact` takes: items, named where a refusal of their condition means something to the caller, and
 * audit events (`auditPut`), which transact chains onto their object's trail (store/events.ts).
 */
export type TransactItem = WriteItem | NamedItem | AuditPut;

/** How many items `items` become in DynamoDB's transaction (an audit event adds its head; ≤ 100 a transaction). */
export const transactionSize = (items: readonly TransactItem[]): number =>
  items.length + new Set(items.filter(isAuditPut).map((a) => a.auditOf)).size;

/** Name the condition of `item`: a refusal of it is reported as `refusal`. */
export const named = (refusal: string, item: WriteItem): NamedItem => ({ refusal, item });

const isNamed = (i: TransactItem): i is NamedItem => 'refusal' in i && 'item' in i;

/** Transaction item refused as `refusal` unless the item at `key` (a demand, event, achievement…) is published. */
export const publishedCheck = (refusal: string, table: string, key: Key): NamedItem =>
  named(refusal, {
    ConditionCheck: {
      TableName: table,
      Key: key,
      ConditionExpression: '#status = :published',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':published': 'published' },
    },
  });

/** Transaction item refused as `refusal` unless the item at `key` (an attachment, a direct contact…) exists. */
export const existsCheck = (refusal: string, table: string, key: Key): NamedItem =>
  named(refusal, { ConditionCheck: { TableName: table, Key: key, ConditionExpression: 'attribute_exists(PK)' } });

/** The plain item (the name dropped), e.g. to send it in a command of one's own (never an audit event). */
export const writeItem = (i: WriteItem | NamedItem): WriteItem => (isNamed(i) ? i.item : i);

/** The transaction was cancelled because these conditions did not hold. */
export class TransactionRefused extends Error {
  /** The names of the refused conditions, in item order; an unnamed item's refusal is named `item <index>`. */
  readonly refused: readonly string[];
  constructor(refused: string[]) {
    super(`transaction refused: ${refused.join(', ')}`);
    this.name = 'TransactionRefused';
    this.refused = refused;
  }

  /** True when the condition named `refusal` was among those refused. */
  by(refusal: string): boolean {
    return this.refused.includes(refusal);
  }
}

/**
 * `write`, with a refusal of its conditions thrown as the domain error `why` makes of it (the refusal tells which
 * condition, `by(name)`); any other failure as it came.
 */
export async function refusedAs<T>(write: Promise<T>, why: (refusal: TransactionRefused) => Error): Promise<T> {
  try {
    return await write;
  } catch (err) {
    throw err instanceof TransactionRefused ? why(err) : err;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A refusal by the audit heads alone: another change of the same object appended first. */
const onlyHeadsMoved = (refused: string[]) => refused.every((r) => r === AUDIT_HEAD_MOVED);

/**
 * Appends that lost to another append of the same trail, tried again: each round one of the contenders wins, so
 * a burst of n changes of one object needs up to n rounds (the conflicts' budget is for another kind of race).
 */
const HEAD_RETRIES = 40;

export async function transact(store: Store, given: TransactItem[], attempts = 6): Promise<void> {
  // Statistics counters of several changes in one transaction may hit one item: one Update each (store/counters.ts).
  const items = mergeCounterUpdates(given);
  let headRetries = 0;
  for (let attempt = 1; ; attempt++) {
    // Chained again on each attempt: after a conflict or a moved head, the next event follows the new head.
    const chained = (await chainAudits(store, items)) as (WriteItem | NamedItem)[];
    const names = chained.map((i, index) => (isNamed(i) ? i.refusal : `item ${index}`));
    const plain = chained.map(writeItem);
    try {
      await store.doc.send(new TransactWriteCommand({ TransactItems: plain }));
      return;
    } catch (err) {
      const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? null;
      const refused = (reasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [names[i]!] : []));
      // The object's trail moved under us while every other condition held: append after the new head.
      if (refused.length > 0 && onlyHeadsMoved(refused) && headRetries++ < HEAD_RETRIES) {
        attempt--;
        await sleep(10 * Math.min(headRetries, 8) * Math.random());
        continue;
      }
      if (refused.length > 0) {
        const meaningful = refused.filter((r) => r !== AUDIT_HEAD_MOVED);
        throw new TransactionRefused(meaningful.length > 0 ? meaningful : refused);
      }
      const conflict =
        (err as Error).name === 'TransactionInProgressException' ||
        (reasons ?? []).some((r) => r.Code === 'TransactionConflict');
      if (!conflict || attempt >= attempts) throw err;
      await sleep(10 * 2 ** attempt * Math.random());
    }
  }
}

/** `transact`, answering false when a condition refused it (an idempotent put that found its item, a stale version). */
export async function transactUnlessRefused(store: Store, items: TransactItem[]): Promise<boolean> {
  try {
    await transact(store, items);
    return true;
  } catch (err) {
    if (err instanceof TransactionRefused) return false;
    throw err;
  }
}

/**
 * `transact`, answering 'ok', or what `outcomes` makes of a refusal: the outcome of the first condition named there
 * (in its order) that refused — a repository's typed "why not". A refusal by none of them, or any other failure, is
 * thrown as it came.
 */
export async function transactOutcome<R extends string>(
  store: Store,
  items: TransactItem[],
  outcomes: Record<string, R>,
): Promise<'ok' | R> {
  try {
    await transact(store, items);
    return 'ok';
  } catch (err) {
    if (err instanceof TransactionRefused)
      for (const [refusal, outcome] of Object.entries(outcomes)) if (err.by(refusal)) return outcome;
    throw err;
  }
}
