/**
 * Idempotency records of submit routes (access pattern 8): the first answer to a (user, Idempotency-Key) pair,
 * stored in the same transaction as the change it answers, so that a replay finds either nothing (the change did
 * not happen) or the answer (it did) — never a change without its answer.
 */
import type { Store } from './client';
import { getRecord, putIf } from './items';
import { ENTITY, keys } from './keys';
import { named, type NamedItem } from './transact';

/** How long a key is remembered (clients retry within minutes; a day covers a phone that was offline). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export interface IdempotencyRecord {
  userId: string;
  key: string;
  /** What the key was used for ("POST /v1/applications/{id}/submit <id>"): the same key elsewhere is refused. */
  scope: string;
  status: number;
  body: unknown;
  createdAt: string;
}

export class DynamoIdempotencyRepository {
  constructor(private readonly store: Store) {}

  async get(userId: string, key: string): Promise<IdempotencyRecord | null> {
    return getRecord<IdempotencyRecord>(this.store, keys.idempotency(userId, key), true);
  }

  private item(r: IdempotencyRecord) {
    return {
      ...keys.idempotency(r.userId, r.key),
      entityType: ENTITY.idempotency,
      ...r,
      ttl: Math.ceil(Date.parse(r.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS,
    };
  }

  /** Transaction item: remember the answer, only if the key was not used yet. */
  putItem(r: IdempotencyRecord): NamedItem {
    return named('idempotency_key_taken', {
      Put: { TableName: this.store.table, Item: this.item(r), ConditionExpression: 'attribute_not_exists(PK)' },
    });
  }

  /** Remember a refusal (nothing else was written); false when another request stored its answer first. */
  async put(r: IdempotencyRecord): Promise<boolean> {
    return putIf(this.store, {
      Item: this.item(r),
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }
}
