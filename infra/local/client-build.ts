/**
 * The H5 build of the client (`npm run build:h5 -w client`). The API URL is baked in at build time
 * (API_BASE_URL), but a build whose index.html loads `runtime-config.js` asks the serving page instead, and the
 * local web server answers that with the running API's URL — so such a build is reusable on any port. For an
 * older build, a marker in the data folder remembers which API URL it was made for.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger, type Logger } from './log';
import { H5_DIST_DIR, LOCAL_DATA_DIR, REPO_ROOT } from './paths';
import { startProcess } from './processes';
import { Progress, StalledError } from './progress';

export type BuildPolicy = 'always' | 'if-missing' | 'never';

const MARKER = join(LOCAL_DATA_DIR, 'h5-build.json');

interface BuildMarker {
  apiBaseUrl: string;
  appStage: string;
  builtAt: string;
}

function readMarker(): BuildMarker | null {
  try {
    return JSON.parse(readFileSync(MARKER, 'utf8')) as BuildMarker;
  } catch {
    return null;
  }
}

/** webpack's per-asset listing is long and says little; warnings, errors and the summary stay. */
function quietBuildLine(line: string): string | null {
  return /^\s*(asset |assets by |cacheable modules|orphan modules|runtime modules|modules by path|\.\/)/.test(line)
    ? null
    : line;
}

/** True when the built index.html asks the server for `runtime-config.js` (API URL at run time). */
function readsRuntimeConfig(): boolean {
  try {
    return readFileSync(join(H5_DIST_DIR, 'index.html'), 'utf8').includes('runtime-config.js');
  } catch {
    return false;
  }
}

/**
 * The build runs beside DynamoDB Local, the seed and serverless' bundling; at normal priority webpack's workers
 * starve them on a two-core machine (the seed's requests used to time out). Lowered priority leaves the others
 * the CPU they need and costs the build nothing when the machine is idle.
 */
function lowPriority(command: string, args: string[]): [string, string[]] {
  if (process.platform === 'win32' || process.env.JIEBANG_BUILD_NICE === '0') return [command, args];
  return ['nice', ['-n', process.env.JIEBANG_BUILD_NICE ?? '10', command, ...args]];
}

/** Give up on a build that printed nothing for this long (webpack prints as it goes; silence means stuck). */
const BUILD_IDLE_MS = 10 * 60_000;

export const h5BuildExists = (): boolean => existsSync(join(H5_DIST_DIR, 'index.html'));

/**
 * Build the H5 client unless the policy lets an existing build stand. Returns whether it built. Throws with the
 * build's output when the build fails.
 */
export async function buildClient(
  apiBaseUrl: string,
  policy: BuildPolicy,
  log: Logger = silentLogger(),
  signal?: AbortSignal,
): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  if (policy !== 'always' && h5BuildExists()) {
    const marker = readMarker();
    if (policy === 'never' || readsRuntimeConfig() || !marker || marker.apiBaseUrl === apiBaseUrl) {
      log.info(`using the existing build in client/dist/h5${marker ? ` (built ${marker.builtAt})` : ''}`);
      return { built: false, ms: 0 };
    }
    log.warn(`the existing build talks to ${marker.apiBaseUrl}, not ${apiBaseUrl}: rebuilding`);
  }
  if (policy === 'never') throw new Error('no H5 build in client/dist/h5 and building is disabled');
  log.info(`building the H5 client (API ${apiBaseUrl}) …`);
  let tail = '';
  const progress = new Progress(BUILD_IDLE_MS);
  const proc = startProcess(
    ...lowPriority('npm', ['run', 'build:h5', '-w', 'client']),
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        // A production build: under a test runner NODE_ENV is 'test', which would make Taro emit a dev build
        // (react-refresh hooks) that renders nothing outside its dev server.
        NODE_ENV: 'production',
        API_BASE_URL: apiBaseUrl,
        APP_STAGE: 'local',
        FORCE_COLOR: '0',
      },
    },
    (chunk, stream) => {
      tail = (tail + chunk).slice(-6000);
      progress.mark('build output');
      log.lines(chunk, stream, quietBuildLine);
    },
  );
  const onAbort = () => void proc.stop(3000);
  signal?.addEventListener('abort', onAbort, { once: true });
  let stalled: string | undefined;
  const watch = setInterval(() => {
    if (!progress.stalled()) return;
    stalled = progress.describe();
    void proc.stop(3000);
  }, 5000);
  watch.unref();
  const code = await proc.exited.finally(() => {
    clearInterval(watch);
    signal?.removeEventListener('abort', onAbort);
  });
  if (signal?.aborted) throw new Error('the H5 build was stopped');
  if (stalled) {
    throw new StalledError(
      'the H5 build was stopped',
      `${stalled}\n--- last build output ---\n${tail.trim()}`,
      'run `npm run build:h5` on its own to see where it hangs, then `npm start -- --no-build` to reuse its output',
    );
  }
  if (code !== 0)
    throw new Error(`the H5 build failed (exit ${String(code)})\n--- last build output ---\n${tail.trim()}`);
  if (!h5BuildExists()) throw new Error('the H5 build finished but client/dist/h5/index.html is missing');
  mkdirSync(LOCAL_DATA_DIR, { recursive: true });
  writeFileSync(MARKER, JSON.stringify({ apiBaseUrl, appStage: 'local', builtAt: new Date().toISOString() }, null, 2));
  const ms = Date.now() - started;
  log.info(`H5 client built in ${(ms / 1000).toFixed(1)} s`);
  return { built: true, ms };
}
