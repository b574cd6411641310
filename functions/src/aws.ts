/**
 * What the functions' AWS clients share: the SDK configuration of the store's DynamoDB client (store/client.ts),
 * and the credentials and hosts the S3 presigner (attachments/s3.ts) signs with.
 */
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The Lambda role's credentials, which the runtime puts in the environment. */
export const lambdaCredentials = (): AwsCredentials => ({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  sessionToken: process.env.AWS_SESSION_TOKEN,
});

/** The host of a service in a region: the China regions live under amazonaws.com.cn. */
export const awsHost = (service: string, region: string): string =>
  `${service}.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;

/** Only a local emulator (DynamoDB Local) may stand in for a region's endpoint. */
export const isLoopbackUrl = (url: string): boolean =>
  /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\/?$/.test(url);

/** How hard a client tries before the failure becomes the caller's (a 503 for an HTTP request). */
export interface ClientTuning {
  /** Attempts per call, the first included (default 2: an unavailable store is a quick 503, not a hung request). */
  maxAttempts?: number;
  /** Deadline of one attempt, ms (default 3000; 10,000 against a local emulator, see below). */
  requestTimeoutMs?: number;
  /** Deadline to get a connected socket, ms (default 2000). */
  connectionTimeoutMs?: number;
}

/**
 * The SDK configuration of a client in `region`. The SDK resolves the region's endpoint itself (the China regions'
 * under amazonaws.com.cn), takes the Lambda role's credentials from the environment and retries throttling, 5xx
 * and network failures (standard mode) up to `maxAttempts`. `endpoint` is for a local emulator only: anything but
 * a loopback URL is refused, and the emulator gets dummy credentials (it ignores them).
 */
export function sdkClientConfig(
  region: string,
  endpoint: string | undefined,
  tuning: ClientTuning = {},
): DynamoDBClientConfig {
  if (endpoint && !isLoopbackUrl(endpoint)) {
    throw new Error(`refusing endpoint ${endpoint}: only a local emulator (a loopback URL) may replace the region's`);
  }
  // A request waiting for a free socket counts against the connection deadline, and the SDK's agents allow 50
  // sockets: one invocation sends a handful of requests at once, but the tests and the local API run a hundred
  // invocations in one process.
  const agent = { keepAlive: true, maxSockets: 256 };
  return {
    region,
    maxAttempts: tuning.maxAttempts ?? 2,
    requestHandler: {
      httpAgent: agent,
      httpsAgent: agent,
      connectionTimeout: tuning.connectionTimeoutMs ?? 2000,
      // DynamoDB Local answers conflicting transactions one after the other (where DynamoDB cancels all but one
      // at once): 50 racing registrations take ≈ 4 s on a busy 2-core machine, so the emulator gets more time.
      requestTimeout: tuning.requestTimeoutMs ?? (endpoint ? 10_000 : 3000),
      // Without it the SDK only logs a warning when the deadline passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  };
}
