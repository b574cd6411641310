/**
 * The store the demo seed writes through. Not the functions' `createStore`: that one fails fast (two attempts of
 * 3 s) so that an unavailable table is a quick 503 for a user, while the seed runs once at start-up against a
 * DynamoDB Local whose JVM may still be warming up beside the H5 build, where a write can take many seconds and
 * must not fail the start. Its own client configuration lives here so that it does not depend on how the
 * functions configure theirs.
 */
import type { Store } from '../../functions/src/store';
import { DocClient } from '../../functions/src/store/dynamodb';

/** Patient client settings for a slow local store. */
export const SEED_CLIENT = {
  /** Deadline of one request, ms: DynamoDB Local answers in milliseconds when warm, in seconds under load. */
  requestTimeoutMs: 30_000,
  /** Attempts per request (the client backs off between them); the seed retries whole steps on top of this. */
  maxAttempts: 5,
} as const;

/** A store for a local endpoint with dummy credentials (DynamoDB Local ignores them) and patient timeouts. */
export function createSeedStore(o: { endpoint: string; table: string; region?: string }): Store {
  const doc = new DocClient({
    region: o.region ?? 'cn-northwest-1',
    endpoint: o.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...SEED_CLIENT,
  });
  return { doc, table: o.table };
}
