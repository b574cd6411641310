/** The store's DynamoDB document client: the only place that constructs one (see ./dynamodb for why not the SDK's). */
import type { Config } from '../config';
import { DocClient } from './dynamodb';

export interface Store {
  doc: DocClient;
  table: string;
}

/** Build a store for a configuration. Local endpoints get dummy credentials (DynamoDB Local ignores them). */
export function createStore(cfg: Pick<Config, 'TABLE_NAME' | 'AWS_REGION' | 'DYNAMODB_ENDPOINT'>): Store {
  const doc = new DocClient({
    region: cfg.AWS_REGION,
    ...(cfg.DYNAMODB_ENDPOINT
      ? { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    // Fail fast so that an unavailable store becomes a 503 in seconds, not a hung request.
    maxAttempts: 2,
    requestTimeoutMs: 3000,
  });
  return { doc, table: cfg.TABLE_NAME };
}
