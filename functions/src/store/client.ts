/**
 * The store's DynamoDB document client (the AWS SDK's), and the only place that constructs one. Its
 * configuration — region and endpoint, attempts, deadlines — is in ../aws.ts.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sdkClientConfig, type ClientTuning } from '../aws';
import type { Config } from '../config';
import { refusedValue } from './errors';

export interface Store {
  doc: DynamoDBDocumentClient;
  table: string;
}

/**
 * Build a store for a configuration. `tuning` is for callers that are not serving a request (the local seed may
 * wait longer for a store that is still warming up); requests fail fast with the defaults.
 */
export function createStore(
  cfg: Pick<Config, 'TABLE_NAME' | 'AWS_REGION' | 'DYNAMODB_ENDPOINT'>,
  tuning?: ClientTuning,
): Store {
  const client = new DynamoDBClient(sdkClientConfig(cfg.AWS_REGION, cfg.DYNAMODB_ENDPOINT || undefined, tuning));
  const doc = DynamoDBDocumentClient.from(client, {
    // An optional field left undefined is simply not stored; class instances (none expected) are refused.
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  // Outermost (before marshalling and retries): a value the store cannot take is the input's fault.
  doc.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        throw refusedValue(err) ?? err;
      }
    },
    { step: 'initialize', priority: 'high', name: 'refusedValue' },
  );
  return { doc, table: cfg.TABLE_NAME };
}
