/**
 * The local stack, programmatically: DynamoDB Local → table → seed → WeChat stand-in → API (serverless-offline)
 * → H5 client build and static server. `npm start` (infra/local/start.ts) is a thin CLI over this; the
 * end-to-end test starts the same stack with in-memory DynamoDB and free ports.
 *
 * Defaults here are the test-friendly ones (free ports, in-memory database, quiet) so that a test can never
 * clobber a developer's running stack or data; the CLI passes the fixed ports and the data folder.
 */
import { formatSeedReport, seed, type SeedReport } from '../seed/seed';
import { createSeedStore } from '../seed/store';
import { startApi } from './api';
import { buildClient, type BuildPolicy } from './client-build';
import { assertJava, startDynamoDbLocal } from './dynamodb';
import { silentLogger, type Logger } from './log';
import { H5_DIST_DIR } from './paths';
import { resolvePort } from './ports';
import { startStaticServer } from './static-server';
import { startWeChatStandIn, type WeChatStandIn } from './wechat-stand-in';
import { startScheduler, type Scheduler } from '../../functions/src/scheduler';
import type { Clock } from '../../functions/src/clock';
import { startLocalAttachmentServer } from '../../functions/src/attachments/local-server';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { LOCAL_DATA_DIR } from './paths';
import { resolve } from 'node:path';

/** serverless.yml names the table `jiebang-${stage}`; the local stack always runs stage `local`. */
export const LOCAL_TABLE_NAME = 'jiebang-local';

export interface LocalStackOptions {
  /** Ports: a number is required to be free (clear error otherwise); 0 or undefined picks a free one. */
  apiPort?: number;
  webPort?: number;
  wechatPort?: number;
  /** The local stand-in for S3 presigned uploads (ATTACHMENTS_PORT). */
  attachmentsPort?: number;
  dynamoDbPort?: number;
  /** serverless-offline's Lambda-invoke port (OFFLINE_LAMBDA_PORT). */
  lambdaPort?: number;
  /** DynamoDB data folder; null or undefined → in memory. */
  dataDir?: string | null;
  /** Seed the demo data (default true). */
  seed?: boolean;
  /** The moment the seed counts from (default now). */
  seedNow?: Date;
  /** Build and serve the H5 client (default true); false = API only. */
  web?: boolean;
  /** When to build the client (default 'always'; 'if-missing' reuses a build made for the same API URL). */
  build?: BuildPolicy;
  /** Logger (default: silent). */
  log?: Logger;
  /** Abort start-up (e.g. Ctrl-C while starting): everything started so far is stopped. */
  signal?: AbortSignal;
  /**
   * Waits are progress-based: each gives up only when nothing has moved for its idle limit (no output from the
   * process, no change in what its check sees, no seed write that succeeded). The API's limit (default 180 s).
   */
  apiReadyTimeoutMs?: number;
  /** The idle limit of DynamoDB Local's start and of the seed (default 120 s each). */
  storeIdleMs?: number;
  /**
   * The scheduler (reminders, outbox dispatcher, search indexer: functions/src/scheduler): runs every `intervalMs`
   * (default 60 s) with `clock` (default real time; e2e tests pass a fake one and call `scheduler.tick()`).
   * false: not started. Default: started.
   */
  scheduler?: false | { clock?: Clock; intervalMs?: number };
}

export interface LocalStack {
  apiUrl: string;
  /** null when started without the web client. */
  webUrl: string | null;
  wechatUrl: string;
  openApiUrl: string;
  dynamoDbEndpoint: string;
  tableName: string;
  dataDir: string | null;
  ports: { api: number; web: number | null; wechat: number; dynamoDb: number; lambda: number };
  /** The deadline scheduler (null when not started); `tick()` runs it at once. */
  scheduler: Scheduler | null;
  /** The WeChat stand-in (records, faults) for tests. */
  wechat: WeChatStandIn;
  seedReport: SeedReport | null;
  /** Milliseconds from the call to each milestone. */
  timings: { dynamoDb: number; seed: number; api: number; web: number | null; total: number };
  /** Stop everything that was started, in reverse order. Idempotent. */
  stop(): Promise<void>;
}

class Aborted extends Error {
  constructor() {
    super('local stack start-up was interrupted');
    this.name = 'AbortError';
  }
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const t0 = Date.now();
  const log = options.log ?? silentLogger();
  const stackLog = log.child('stack', 'cyan');
  const cleanups: { name: string; stop: () => Promise<void> }[] = [];
  const checkAbort = () => {
    if (options.signal?.aborted) throw new Aborted();
  };

  let stopped: Promise<void> | undefined;
  const stopAll = () =>
    (stopped ??= (async () => {
      for (const c of cleanups.reverse()) {
        try {
          await c.stop();
        } catch (err) {
          stackLog.error(`stopping ${c.name}: ${(err as Error).message}`);
        }
      }
    })());

  try {
    // Fail before starting anything when a prerequisite is missing or a port is taken.
    assertJava();
    const dynamoDbPort = await resolvePort(options.dynamoDbPort, 'DynamoDB Local', 'DYNAMODB_PORT');
    const wechatPort = await resolvePort(options.wechatPort, 'WeChat stand-in', 'WECHAT_PORT');
    const attachmentsPort = await resolvePort(options.attachmentsPort, 'attachment server', 'ATTACHMENTS_PORT');
    const apiPort = await resolvePort(options.apiPort, 'API', 'API_PORT');
    const lambdaPort = await resolvePort(options.lambdaPort, 'serverless-offline Lambda port', 'OFFLINE_LAMBDA_PORT');
    const web = options.web ?? true;
    const webPort = web ? await resolvePort(options.webPort, 'web client', 'WEB_PORT') : null;
    const apiUrl = `http://localhost:${apiPort}`;
    checkAbort();

    // The client build is the slowest step and needs only the API URL: it runs alongside everything else, at a
    // lower CPU priority (client-build.ts) so that it does not starve DynamoDB Local and the seed.
    const buildAbort = new AbortController();
    options.signal?.addEventListener('abort', () => buildAbort.abort(), { once: true });
    const build = web
      ? buildClient(apiUrl, options.build ?? 'always', log.child('client', 'yellow'), buildAbort.signal)
      : null;
    if (build) {
      cleanups.push({ name: 'client build', stop: async () => buildAbort.abort() });
      build.catch(() => {}); // awaited below; avoid an unhandled rejection while other steps run
    }

    const db = await startDynamoDbLocal({
      port: dynamoDbPort,
      path: options.dataDir ?? null,
      log: log.child('dynamodb', 'blue'),
      ...(options.storeIdleMs ? { startTimeoutMs: options.storeIdleMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    cleanups.push({ name: 'DynamoDB Local', stop: () => db.stop() });
    const dbLog = log.child('dynamodb', 'blue');
    dbLog.info(`DynamoDB Local at ${db.endpoint} (${db.path ? `data in ${db.path}` : 'in memory'})`);
    const { created } = await db.ensureTable(LOCAL_TABLE_NAME);
    dbLog.info(`table ${LOCAL_TABLE_NAME} ${created ? 'created' : 'exists'}`);
    const tDb = Date.now() - t0;
    checkAbort();

    let seedReport: SeedReport | null = null;
    if (options.seed ?? true) {
      const seedLog = log.child('seed', 'green');
      const store = createSeedStore({ endpoint: db.endpoint, table: LOCAL_TABLE_NAME });
      let retries = 0;
      seedReport = await seed(store, options.seedNow ?? new Date(), {
        ...(options.storeIdleMs ? { idleMs: options.storeIdleMs } : {}),
        onRetry: (what, err) => {
          // One line per retry would flood a slow start; the first few say what is happening.
          if (++retries <= 3) seedLog.warn(`${what}: ${err.message} — DynamoDB Local is slow, retrying`);
          else if (retries === 4) seedLog.warn('more retries (DynamoDB Local is still warming up) …');
        },
      });
      seedLog.info(formatSeedReport(seedReport) + (retries ? ` after ${retries} retried request(s)` : ''));
    }
    const tSeed = Date.now() - t0;
    checkAbort();

    const wechat = await startWeChatStandIn({
      port: wechatPort,
      log: log.child('wechat', 'green'),
    });
    cleanups.push({ name: 'WeChat stand-in', stop: () => wechat.stop() });
    log.child('wechat', 'green').info(`WeChat stand-in at ${wechat.url} (records: ${wechat.url}/__stand-in/)`);
    checkAbort();

    // Uploaded PDFs: kept beside the database when it is persistent, in a temporary folder otherwise.
    const attachmentsDir = options.dataDir
      ? resolve(LOCAL_DATA_DIR, 'attachments')
      : await mkdtemp(resolve(tmpdir(), 'jiebang-attachments-'));
    const attachmentsSecret = randomBytes(24).toString('base64url');
    const attachments = await startLocalAttachmentServer({
      dir: attachmentsDir,
      secret: attachmentsSecret,
      port: attachmentsPort,
    });
    cleanups.push({
      name: 'attachment server',
      stop: async () => {
        await attachments.stop();
        if (!options.dataDir) await rm(attachmentsDir, { recursive: true, force: true });
      },
    });
    log.child('files', 'green').info(`attachment server at ${attachments.url} (files in ${attachmentsDir})`);

    const apiLog = log.child('api', 'magenta');
    apiLog.info(`starting serverless-offline on port ${apiPort} …`);
    const apiStart = startApi({
      apiPort,
      lambdaPort,
      dynamoDbPort: db.port,
      wechatPort: wechat.port,
      attachments: { dir: attachmentsDir, url: attachments.url, secret: attachmentsSecret },
      log: apiLog,
      readyTimeoutMs: options.apiReadyTimeoutMs ?? 180_000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const api = await apiStart;
    cleanups.push({ name: 'API', stop: () => api.stop() });
    const tApi = Date.now() - t0;
    apiLog.info(`API ready at ${api.url} (${(tApi / 1000).toFixed(1)} s after start)`);
    checkAbort();

    // The scheduler runs in this process, against the same table and stand-in as the API (which runs in
    // serverless-offline, where `schedule` events do not fire).
    let scheduler: Scheduler | null = null;
    if (options.scheduler !== false) {
      const schedLog = log.child('scheduler', 'cyan');
      scheduler = startScheduler({
        env: {
          STAGE: 'local',
          TABLE_NAME: LOCAL_TABLE_NAME,
          AWS_REGION: 'cn-northwest-1',
          DYNAMODB_ENDPOINT: db.endpoint,
          JWT_SECRET: 'local-scheduler-issues-no-tokens-0123456789abcdef',
          WECHAT_APPID: 'wx-local-appid',
          WECHAT_SECRET: 'wx-local-secret',
          WECHAT_API_BASE: wechat.url,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
        },
        ...(options.scheduler?.clock ? { clock: options.scheduler.clock } : {}),
        intervalMs: options.scheduler?.intervalMs ?? 60_000,
        onReport: ({ reminders, dispatched, indexed }) => {
          const sent = reminders.deadline + reminders.selection + reminders.queue;
          if (sent || dispatched.examined) {
            schedLog.info(
              `reminders ${sent}, notifications delivered ${dispatched.delivered} (WeChat ${dispatched.sent}), retried ${dispatched.retried}, failed ${dispatched.failed}`,
            );
          }
          if (indexed.examined) {
            schedLog.info(
              `search index: ${indexed.indexed} demands (${indexed.postings} postings), retried ${indexed.retried}`,
            );
          }
        },
        onError: (err) => schedLog.error(`run failed: ${err.message}`),
      });
      const started = scheduler;
      cleanups.push({ name: 'scheduler', stop: async () => started.stop() });
      schedLog.info(`deadline scheduler every ${Math.round((options.scheduler?.intervalMs ?? 60_000) / 1000)} s`);
    }

    let webUrl: string | null = null;
    let tWeb: number | null = null;
    if (build && webPort !== null) {
      await build.catch((err: unknown) => {
        throw new Error(`${(err as Error).message}\n(\`npm run start:api\` starts everything but the web client)`);
      });
      checkAbort();
      const server = await startStaticServer({
        root: H5_DIST_DIR,
        port: webPort,
        log: log.child('web', 'yellow'),
        // The H5 client asks the page that serves it where the API is (client/src/lib/env.ts), so one build
        // serves any API port.
        generated: {
          '/runtime-config.js': {
            contentType: 'text/javascript; charset=utf-8',
            body: () => `window.__JIEBANG_CONFIG__ = ${JSON.stringify({ apiBase: api.url })};\n`,
          },
        },
      });
      cleanups.push({ name: 'web server', stop: () => server.stop() });
      webUrl = server.url;
      tWeb = Date.now() - t0;
      log.child('web', 'yellow').info(`web client at ${webUrl}`);
    }

    return {
      apiUrl: api.url,
      webUrl,
      wechatUrl: wechat.url,
      openApiUrl: `${api.url}/v1/openapi.json`,
      dynamoDbEndpoint: db.endpoint,
      tableName: LOCAL_TABLE_NAME,
      dataDir: db.path,
      ports: { api: apiPort, web: webPort, wechat: wechat.port, dynamoDb: db.port, lambda: lambdaPort },
      wechat,
      scheduler,
      seedReport,
      timings: { dynamoDb: tDb, seed: tSeed, api: tApi, web: tWeb, total: Date.now() - t0 },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    if (options.signal?.aborted) throw new Aborted();
    throw err;
  }
}
