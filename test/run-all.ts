/**
 * `npm test`: everything, in the order that fails fastest, two lanes at a time where that is safe on 2 cores:
 *
 * 1. type checks, lint, format check, OpenAPI lint   ‖  unit tests (jest, seconds)
 * 2. integration tests (DynamoDB Local) ‖  client builds (weapp, H5) and the serverless package
 * 3. the local stack under load, alone (it starts CPU burners of its own beside `npm start`'s API stack)
 * 4. end-to-end tests in Chromium, alone (they need the H5 build, and a stack of their own).
 *
 * The builds are mostly one webpack thread each, so they run one after the other beside the integration tier
 * rather than beside each other. A lane that runs beside another prints its lines prefixed with its name. The
 * first failure stops the other lane and ends the run with the timings and the test counts (jest --json).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium';

interface Step {
  name: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
}

const started = Date.now();
const timings: string[] = [];
const running = new Set<ChildProcess>();
const RESULTS = ['unit', 'integration', 'stack', 'e2e'].map((tier) => `test-results/jest-${tier}.json`);

const jest = (tier: 'unit' | 'integration' | 'stack' | 'e2e', ...extra: string[]): Step => ({
  name: `jest ${tier}`,
  cmd: 'npx',
  args: ['jest', '--selectProjects', tier, '--json', `--outputFile=test-results/jest-${tier}.json`, ...extra],
});

class StepFailed extends Error {}

/** Runs one step; `prefix` labels its output lines when another lane prints beside it. */
function run(step: Step, prefix: boolean): Promise<void> {
  const t0 = Date.now();
  console.log(`\n▶ ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(step.cmd, step.args, {
      env: { ...process.env, ...step.env },
      stdio: ['ignore', prefix ? 'pipe' : 'inherit', prefix ? 'pipe' : 'inherit'],
      // A process group of its own, so that stopping a step stops what it started (jest workers, emulators).
      detached: true,
    });
    running.add(child);
    if (prefix) {
      for (const [from, to] of [
        [child.stdout!, process.stdout],
        [child.stderr!, process.stderr],
      ] as const) {
        let rest = '';
        from.setEncoding('utf8');
        from.on('data', (chunk: string) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop()!;
          for (const line of lines) to.write(`${step.name} │ ${line}\n`);
        });
        from.on('end', () => rest && to.write(`${step.name} │ ${rest}\n`));
      }
    }
    child.on('close', (code, signal) => {
      running.delete(child);
      timings.push(`${step.name.padEnd(30)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
      if (code === 0) return resolve();
      console.error(`\n✖ ${step.name} failed (exit ${code ?? signal}).`);
      reject(new StepFailed(step.name));
    });
  });
}

/** Steps one after the other. */
async function lane(steps: Step[], prefix: boolean): Promise<void> {
  for (const step of steps) await run(step, prefix);
}

/** Lanes side by side; the first failure stops the others. */
async function together(...lanes: Step[][]): Promise<void> {
  const prefix = lanes.length > 1;
  try {
    await Promise.all(lanes.map((l) => lane(l, prefix)));
  } catch (e) {
    stopAll();
    throw e;
  }
}

function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

// The steps are in process groups of their own, out of reach of the terminal's Ctrl-C: pass it on.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function summary(ok: boolean) {
  console.log(
    `\n${timings.join('\n')}\n${'total'.padEnd(30)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`,
  );
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of RESULTS) {
    try {
      const r = JSON.parse(readFileSync(file, 'utf8')) as Record<
        'numPassedTests' | 'numFailedTests' | 'numPendingTests' | 'numTodoTests',
        number
      >;
      totals.passed += r.numPassedTests;
      totals.failed += r.numFailedTests;
      totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    } catch {
      // that step did not run
    }
  }
  if (!ok && totals.failed === 0) totals.failed = 1; // a step that is not a test tier failed
  console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

async function main() {
  for (const file of RESULTS) rmSync(file, { force: true });
  mkdirSync('test-results', { recursive: true });
  ensureChromium();
  await together(
    [
      { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json'] },
      { name: 'typecheck client', cmd: 'npx', args: ['tsc', '-p', 'client/tsconfig.json'] },
      { name: 'lint', cmd: 'npx', args: ['eslint', '--max-warnings=0', '.'] },
      { name: 'format check', cmd: 'npx', args: ['prettier', '--check', '--log-level=warn', '.'] },
      { name: 'lint OpenAPI (Redocly, Spectral OWASP)', cmd: 'npx', args: ['tsx', 'test/openapi-lint.ts'] },
      // `npm run bench` runs outside jest: its parts must load there (a helper importing @jest/globals broke it once).
      {
        name: 'bench parts load outside jest',
        cmd: 'npx',
        args: [
          'tsx',
          '-e',
          "for (const p of ['bench/first-screen', 'bench/load', 'bench/catalogue', 'integration/evaluation-support', 'integration/applications-support']) require('./test/' + p)",
        ],
      },
    ],
    [jest('unit', '--maxWorkers=1')],
  );
  await together(
    [jest('integration', '--maxWorkers=2')],
    [
      { name: 'build weapp', cmd: 'npm', args: ['run', '--silent', 'build:weapp'] },
      {
        name: 'build h5',
        cmd: 'npm',
        args: ['run', '--silent', 'build:h5'],
        env: { API_BASE_URL: 'http://localhost:3000', APP_STAGE: 'local' },
      },
      {
        name: 'package (serverless, offline)',
        cmd: 'npx',
        args: ['serverless', 'package', '--stage', 'ci', '--package', 'test-results/package'],
        env: {
          // Placeholders: packaging resolves the deploy-time variables but deploys nothing.
          JWT_SECRET: 'ci-placeholder-secret-never-deployed-0123456789',
          WECHAT_APPID: 'wx-ci-placeholder',
          WECHAT_SECRET: 'ci-placeholder',
          H5_ORIGIN: 'https://jiebang.invalid',
          SLS_TELEMETRY_DISABLED: '1',
          SLS_NOTIFICATIONS_MODE: 'off',
        },
      },
    ],
  );
  // Alone, each: the stack-under-load test keeps every core busy on purpose; the browser, the local stack and the
  // walks would otherwise compete for the two cores.
  await together([jest('stack', '--runInBand')]);
  await together([jest('e2e', '--runInBand')]);
  summary(true);
}

main().catch((e: unknown) => {
  if (!(e instanceof StepFailed)) console.error(e);
  summary(false);
  process.exit(1);
});
