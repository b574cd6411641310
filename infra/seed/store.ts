/**
 * The store the demo seed writes through: the functions' `createStore` with patient tuning. By default that one
 * fails fast (two attempts) so that an unavailable table is a quick 503 for a user, while the seed runs once at
 * start-up against a DynamoDB Local whose JVM may still be warming up beside the H5 build, where a write can take
 * many seconds and must not fail the start.
 */
import { createStore, type Store } from '../../functions/src/store';

/** Patient client settings for a slow local store. */
export const SEED_CLIENT = {
  /** Deadline of one request, ms: DynamoDB Local answers in milliseconds when warm, in seconds under load. */
  requestTimeoutMs: 30_000,
  /** Attempts per request (the client backs off between them); the seed retries whole steps on top of this. */
  maxAttempts: 5,
} as const;

/** A store for a local endpoint with dummy credentials (DynamoDB Local ignores them) and patient timeouts. */
export function createSeedStore(o: { endpoint: string; table: string; region?: string }): Store {
  return createStore(
    { TABLE_NAME: o.table, AWS_REGION: o.region ?? 'cn-northwest-1', DYNAMODB_ENDPOINT: o.endpoint },
    SEED_CLIENT,
  );
}
