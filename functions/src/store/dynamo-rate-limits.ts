/**
 * Rate limits (access pattern 37): a counter per subject (a user or a source address), bucket and fixed window,
 * incremented by one conditional UpdateItem — the check and the count are one atomic step, so parallel requests
 * cannot overshoot. Windows expire by TTL.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { isConditionFailure } from './items';
import { ENTITY, keys } from './keys';

export class DynamoRateLimitRepository {
  constructor(private readonly store: Store) {}

  /**
   * Count one call of `subject` (keys.rateSubject) in `bucket` at `now`: null when it is within `limit` calls per `windowSeconds`,
   * else the seconds until the window ends (for Retry-After).
   */
  async hit(subject: string, bucket: string, now: Date, limit: number, windowSeconds: number): Promise<number | null> {
    const windowMs = windowSeconds * 1000;
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    try {
      await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.table,
          Key: keys.rateWindow(subject, bucket, new Date(start).toISOString()),
          UpdateExpression: 'ADD hits :one SET entityType = :type, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limit,
            ':type': ENTITY.rateWindow,
            ':ttl': Math.ceil((start + windowMs) / 1000) + 3600,
          },
        }),
      );
      return null;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000));
    }
  }
}
