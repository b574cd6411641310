/**
 * `npm test`: everything, in the order that fails fastest. Type checks and lint, unit and integration tests
 * (DynamoDB Local), the client builds (weapp and H5), then the end-to-end run in Chromium.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium';

const started = Date.now();
const timings: string[] = [];

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  timings.push(`${name.padEnd(28)} ${secs.padStart(6)} s`);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal}).`);
    summary(false);
    process.exit(1);
  }
}

function summary(ok: boolean) {
  console.log(
    `\n${timings.join('\n')}\n${'total'.padEnd(28)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`,
  );
  const totals = { passed: 0, failed: ok ? 0 : 1, skipped: 0 };
  for (const file of ['test-results/vitest-main.json', 'test-results/vitest-e2e.json']) {
    try {
      const r = JSON.parse(readFileSync(file, 'utf8')) as Record<
        'numPassedTests' | 'numFailedTests' | 'numPendingTests',
        number
      >;
      totals.passed += r.numPassedTests;
      totals.failed += r.numFailedTests;
      totals.skipped += r.numPendingTests;
    } catch {
      // that step did not run
    }
  }
  console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

rmSync('test-results/vitest-main.json', { force: true });
rmSync('test-results/vitest-e2e.json', { force: true });
mkdirSync('test-results', { recursive: true });
ensureChromium();
step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
step('typecheck client', 'npx', ['tsc', '-p', 'client/tsconfig.json']);
step('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
step('format check', 'npx', ['prettier', '--check', '--log-level=warn', '.']);
step('build weapp', 'npm', ['run', '--silent', 'build:weapp']);
step('build h5', 'npm', ['run', '--silent', 'build:h5'], { API_BASE_URL: 'http://localhost:3000', APP_STAGE: 'local' });
step(
  'package (serverless, offline)',
  'npx',
  ['serverless', 'package', '--stage', 'ci', '--package', 'test-results/package'],
  {
    // Placeholders: packaging resolves the deploy-time variables but deploys nothing.
    JWT_SECRET: 'ci-placeholder-secret-never-deployed-0123456789',
    WECHAT_APPID: 'wx-ci-placeholder',
    WECHAT_SECRET: 'ci-placeholder',
    H5_ORIGIN: 'https://jiebang.invalid',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
  },
);
// Unit and integration first; the browser tests after, alone, so they never compete with the emulator-heavy
// integration files for the two cores.
step('vitest unit + integration', 'npx', [
  'vitest',
  'run',
  '--project=unit',
  '--project=integration',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest-main.json',
]);
step('vitest e2e (Chromium)', 'npx', [
  'vitest',
  'run',
  '--project=e2e',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest-e2e.json',
]);
summary(true);
