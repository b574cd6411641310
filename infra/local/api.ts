/**
 * The API through serverless-offline (v13, with serverless-esbuild), as a child process in its own process group:
 *   node node_modules/serverless/bin/serverless.js offline start --stage local
 * serverless.yml reads the ports from API_PORT, OFFLINE_LAMBDA_PORT, DYNAMODB_PORT and WECHAT_PORT.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger, type Logger } from './log';
import { REPO_ROOT } from './paths';
import { startProcess, type ManagedProcess } from './processes';
import { pollUntil, Progress, watchGroupCpu } from './progress';

export interface ApiOptions {
  apiPort: number;
  lambdaPort: number;
  dynamoDbPort: number;
  wechatPort: number;
  /** Where the local attachment server keeps files, its URL and the secret both sides sign URLs with. */
  attachments?: { dir: string; url: string; secret: string };
  log?: Logger;
  /**
   * Give up waiting for `GET /v1/health` to answer `{ ok: true }` when nothing has moved for this long, ms
   * (default 180 s): no output from serverless-offline (it prints while it bundles) and no change in the answer.
   */
  readyTimeoutMs?: number;
  /** Abort the start: the serverless process is stopped and the call rejects. */
  signal?: AbortSignal;
}

export interface Api {
  url: string;
  port: number;
  /** Milliseconds from spawn to the first healthy answer. */
  readyMs: number;
  stop(): Promise<void>;
}

const SERVERLESS_BIN = join(REPO_ROOT, 'node_modules', 'serverless', 'bin', 'serverless.js');

/** Environment of the serverless child: ports, no telemetry/notifications/deprecation noise, no network. */
export function apiEnv(
  o: Pick<ApiOptions, 'apiPort' | 'lambdaPort' | 'dynamoDbPort' | 'wechatPort' | 'attachments'>,
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    API_PORT: String(o.apiPort),
    OFFLINE_LAMBDA_PORT: String(o.lambdaPort),
    DYNAMODB_PORT: String(o.dynamoDbPort),
    WECHAT_PORT: String(o.wechatPort),
    ...(o.attachments
      ? {
          ATTACHMENTS_DIR: o.attachments.dir,
          ATTACHMENTS_URL: o.attachments.url,
          ATTACHMENTS_SECRET: o.attachments.secret,
        }
      : {}),
    SLS_TELEMETRY_DISABLED: '1',
    SLS_TRACKING_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    SLS_DEPRECATION_DISABLE: '*',
    SLS_INTERACTIVE_SETUP_DISABLE: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // One esbuild work folder per API port, so that two stacks (a developer's and a test's) never overwrite each
    // other's bundles (custom.esbuild.outputWorkFolder in serverless.yml).
    ESBUILD_WORK_FOLDER: `.esbuild/local-${o.apiPort}`,
    FORCE_COLOR: '0',
  };
}

/** Make serverless-offline's and the handlers' output readable under one prefix. */
export function formatApiLine(line: string): string | null {
  const t = line.trim();
  // The invocation routes of offline's banner double its length and are not what a developer calls.
  if (t.includes('/2015-03-31/functions/') || /^│\s+POST \|\s+│$/.test(t)) return null;
  if (t.startsWith('{') && t.endsWith('}')) {
    try {
      const j = JSON.parse(t) as Record<string, unknown>;
      if (typeof j.level === 'string' && typeof j.message === 'string') {
        const { level, message, timestamp: _t, service: _s, sampling_rate: _r, xray_trace_id: _x, error, ...rest } = j;
        const fields = Object.entries(rest)
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(' ');
        const e = error as { name?: string; message?: string } | undefined;
        return `${level.padEnd(5)} ${message}${fields ? ` ${fields}` : ''}${e ? ` error=${e.name ?? ''}: ${e.message ?? ''}` : ''}`;
      }
    } catch {
      // not a structured log line
    }
  }
  return line;
}

/**
 * Poll `GET <url>/v1/health` until it answers `{ ok: true }`; fails when `progress` sees nothing move for its
 * idle limit (the caller marks it on the process's output) or when `gone` resolves (the process exited).
 */
export async function waitForHealth(
  url: string,
  idleMs: number,
  gone?: Promise<unknown>,
  progress: Progress = new Progress(idleMs),
): Promise<void> {
  await pollUntil(
    async () => {
      const res = await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(30_000) });
      const body = (await res.json().catch(() => null)) as { ok?: boolean } | null;
      return res.ok && body?.ok === true ? true : `HTTP ${res.status} ${JSON.stringify(body)}`;
    },
    {
      what: `the API did not become healthy at ${url}/v1/health`,
      next:
        'read the API output above for a bundling or configuration error; `npm run start:api` starts the stack ' +
        'without the H5 build, which leaves more of the machine to the API',
      progress,
      ...(gone
        ? { gone, goneMessage: (r: unknown) => `the API process exited (${String(r)}) before it was ready` }
        : {}),
    },
  );
}

/** Start serverless-offline and wait until the API is healthy. */
export async function startApi(options: ApiOptions): Promise<Api> {
  const log = options.log ?? silentLogger();
  if (!existsSync(SERVERLESS_BIN)) {
    throw new Error(
      `serverless is not installed (${SERVERLESS_BIN} missing): run \`npm install\` at the repository root`,
    );
  }
  const started = Date.now();
  let tail = '';
  const progress = new Progress(options.readyTimeoutMs ?? 180_000);
  const proc: ManagedProcess = startProcess(
    process.execPath,
    [SERVERLESS_BIN, 'offline', 'start', '--stage', 'local'],
    { cwd: REPO_ROOT, env: apiEnv(options) },
    (chunk, stream) => {
      tail = (tail + chunk).slice(-4000);
      progress.mark('API output');
      log.lines(chunk, stream, formatApiLine);
    },
  );
  const url = `http://localhost:${options.apiPort}`;
  // Bundling every handler prints nothing for minutes on a loaded machine: CPU used by the API's processes counts.
  const unwatch = watchGroupCpu(proc.pid, progress, 'API bundling (CPU in use)');
  const onAbort = () => void proc.stop(3000);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await waitForHealth(`http://127.0.0.1:${options.apiPort}`, progress.idleMs, proc.exited, progress);
  } catch (err) {
    await proc.stop(2000);
    if (options.signal?.aborted) throw new Error('API start was interrupted');
    throw new Error(`${(err as Error).message}\n--- last API output ---\n${tail.trim()}`);
  } finally {
    unwatch();
    options.signal?.removeEventListener('abort', onAbort);
  }
  return {
    url,
    port: options.apiPort,
    readyMs: Date.now() - started,
    stop: () => proc.stop(8000),
  };
}
