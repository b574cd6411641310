/** Item ↔ record helpers shared by the DynamoDB adapters. */
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DeleteCommandInput,
  type PutCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import type { Key } from './keys';

const STORAGE_ATTRIBUTES = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entityType', 'ttl']);

/** The record stored in an item, without its keys and storage attributes. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!STORAGE_ATTRIBUTES.has(k)) out[k] = v;
  return out as T;
}

/** The record stored at `key`, or null: one GetItem (strongly consistent when `consistent`). */
export async function getRecord<T>(store: Store, key: Key, consistent = false): Promise<T | null> {
  const out = await store.doc.send(
    new GetCommand({ TableName: store.table, Key: key, ...(consistent ? { ConsistentRead: true } : {}) }),
  );
  return out.Item ? fromItem<T>(out.Item) : null;
}

/** Run a conditional write: true when it was written, false when its condition did not hold (else it throws). */
export async function conditionHeld(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/** A write's input on the one table, its condition required (the helpers below are for conditional writes). */
type OnTable<I> = Omit<I, 'TableName'> & { ConditionExpression: string };

/** A conditional PutItem on the table: true when written, false when its condition did not hold. */
export const putIf = (store: Store, input: OnTable<PutCommandInput>): Promise<boolean> =>
  conditionHeld(() => store.doc.send(new PutCommand({ TableName: store.table, ...input })));

/** A conditional UpdateItem on the table: true when written, false when its condition did not hold. */
export const updateIf = (store: Store, input: OnTable<UpdateCommandInput>): Promise<boolean> =>
  conditionHeld(() => store.doc.send(new UpdateCommand({ TableName: store.table, ...input })));

/** A conditional DeleteItem on the table: true when deleted, false when its condition did not hold. */
export const deleteIf = (store: Store, input: OnTable<DeleteCommandInput>): Promise<boolean> =>
  conditionHeld(() => store.doc.send(new DeleteCommand({ TableName: store.table, ...input })));

/** True when a write failed only because its condition (or a transaction's condition) did not hold. */
export function isConditionFailure(err: unknown): boolean {
  // By name, as the SDK names DynamoDB's errors (its exception classes are not needed to tell them apart).
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (e?.name === 'ConditionalCheckFailedException') return true;
  if (e?.name === 'TransactionCanceledException')
    return (e.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
  return false;
}
