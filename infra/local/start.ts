/**
 * `npm start` / `npm run start:api`: the whole local stack in one terminal.
 *
 *   npx tsx infra/local/start.ts [--api-only] [--no-build] [--no-seed]
 *
 * Ports (env): API_PORT 3000, WEB_PORT 10086, WECHAT_PORT 3100, ATTACHMENTS_PORT 3300, DYNAMODB_PORT 8000,
 * OFFLINE_LAMBDA_PORT 3002.
 * Data: .local-data/dynamodb (LOCAL_DATA_DIR to move it; delete the folder to reset).
 * Ctrl-C (SIGINT) or SIGTERM stops everything it started.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DEMO_IDENTITIES } from '@jiebang/shared';
import { h5BuildExists } from './client-build';
import { box, createLogger, paint } from './log';
import { DEFAULT_DYNAMODB_DIR } from './paths';
import { startLocalStack, type LocalStack } from './stack';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const args = new Set(process.argv.slice(2));
const known = ['--api-only', '--no-build', '--no-seed', '--help', '-h'];
const unknown = [...args].filter((a) => !known.includes(a));

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${name}=${raw} is not a port number (1–65535)`);
  }
  return n;
}

function summary(stack: LocalStack): string {
  const b = (s: string) => paint('bold', s);
  const lines = [
    b('揭榜通 local stack is running'),
    '',
    ...(stack.webUrl ? [`Web (H5)         ${stack.webUrl}`] : []),
    `API              ${stack.apiUrl}`,
    `OpenAPI          ${stack.openApiUrl}`,
    `WeChat stand-in  ${stack.wechatUrl}/__stand-in/   (sent subscribe messages)`,
    `DynamoDB Local   ${stack.dynamoDbEndpoint}   table ${stack.tableName}`,
    `Data folder      ${stack.dataDir ?? 'in memory'}${stack.dataDir ? '   (delete it to reset)' : ''}`,
    '',
    b('Demo logins') + ' — WeChat login code dev:<openid>; on the web, 我的 → pick one:',
    ...DEMO_IDENTITIES.map((d) => `  ${d.openid.padEnd(16)} ${d.group} · ${d.label}`),
    '  province-<code>  any authority region, e.g. province-440000 广东, province-330200 宁波',
    '',
    b('Ctrl-C to stop'),
  ];
  return box(lines);
}

/**
 * The launchers above this process (`npm start` → sh → tsx → node): pids up to and including the npm/npx
 * process. `kill <npm pid>` ends npm and its shell without passing the signal on, leaving tsx and this process
 * running with nobody to stop them; watching the launchers lets the stack stop itself in that case too.
 */
function launcherPids(): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 4 && pid > 1; depth++) {
    const out = spawnSync('ps', ['-o', 'ppid=,args=', '-p', String(pid)], { encoding: 'utf8' });
    const m = /^\s*(\d+)\s+(.*)$/.exec((out.stdout ?? '').trim());
    if (!m) break;
    const args = m[2] ?? '';
    if (!/\b(tsx|npm|npx|sh)\b/.test(args)) break;
    chain.push(pid);
    if (/\bnpm\b|\bnpx\b|npm-cli|npx-cli/.test(args)) break;
    pid = Number(m[1]);
  }
  return chain;
}

function watchLaunchers(onGone: () => void): void {
  const pids = launcherPids();
  if (pids.length === 0) return;
  const timer = setInterval(() => {
    for (const pid of pids) {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(timer);
        onGone();
        return;
      }
    }
  }, 1000);
  timer.unref();
}

async function main(): Promise<void> {
  if (args.has('--help') || args.has('-h') || unknown.length > 0) {
    if (unknown.length > 0) console.error(`unknown option(s): ${unknown.join(' ')}`);
    console.log(
      'usage: npm start [-- --no-build]   |   npm run start:api\n  --api-only  no web client\n  --no-build  reuse client/dist/h5 when a build exists\n  --no-seed   skip the demo seed',
    );
    process.exitCode = unknown.length > 0 ? 2 : 0;
    return;
  }
  const log = createLogger('stack', 'cyan');
  const apiOnly = args.has('--api-only');
  const abort = new AbortController();
  let starting: Promise<LocalStack | undefined> = Promise.resolve(undefined);
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping …`);
    abort.abort();
    // Interrupted while starting: startLocalStack stops what it started, then rejects.
    const force = setTimeout(() => {
      log.warn('still stopping after 20 s: forcing exit');
      process.exit(1);
    }, 20_000);
    const started = await starting.catch(() => undefined);
    if (started) await started.stop();
    clearTimeout(force);
    log.info('stopped.');
    process.exit(0);
  };
  // One Ctrl-C can arrive more than once (the terminal signals the whole foreground group, and npm and tsx also
  // relay it), so only a signal well after the first one counts as "force".
  let firstSignalAt = 0;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (firstSignalAt && Date.now() - firstSignalAt > 1500) {
        log.warn(`${sig} again: forcing exit`);
        process.exit(130); // the exit hook kills every child process group synchronously
      }
      firstSignalAt ||= Date.now();
      void shutdown(sig);
    });
  }

  watchLaunchers(() => void shutdown('launcher exited'));

  const dataDir = process.env.LOCAL_DATA_DIR
    ? join(resolve(process.env.LOCAL_DATA_DIR), 'dynamodb')
    : DEFAULT_DYNAMODB_DIR;
  const noBuild = args.has('--no-build');
  if (noBuild && !apiOnly && !h5BuildExists()) log.warn('--no-build: no build in client/dist/h5 yet, building once');
  let stack: LocalStack | undefined;
  try {
    starting = startLocalStack({
      apiPort: port('API_PORT', 3000),
      webPort: port('WEB_PORT', 10086),
      wechatPort: port('WECHAT_PORT', 3100),
      attachmentsPort: port('ATTACHMENTS_PORT', 3300),
      dynamoDbPort: port('DYNAMODB_PORT', 8000),
      lambdaPort: port('OFFLINE_LAMBDA_PORT', 3002),
      dataDir,
      web: !apiOnly,
      build: noBuild ? 'if-missing' : 'always',
      seed: !args.has('--no-seed'),
      log,
      signal: abort.signal,
    });
    stack = await starting;
  } catch (err) {
    if (stopping) return; // interrupted: shutdown() reports
    log.error(`could not start the local stack:\n${(err as Error).message}`);
    process.exit(1);
  }
  if (stopping || !stack) return; // shutdown() stops it
  log.info(paint('green', `all services ready in ${(stack.timings.total / 1000).toFixed(1)} s`));
  console.log(summary(stack));
}

void main();
