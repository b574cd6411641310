/**
 * `npm run lint:openapi` (a step of `npm test`): the OpenAPI document, generated from the route definitions as
 * GET /v1/openapi.json serves it, checked by two linters no one here wrote — Redocly CLI's recommended rules
 * (redocly.yaml) and Spectral with the OWASP API Security ruleset (.spectral.yaml). The waivers and their reasons
 * are in those two files. Any error fails; warnings are counted per rule.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from '../functions/src/http/openapi';

const FILE = 'test-results/openapi.json';
mkdirSync('test-results', { recursive: true });
writeFileSync(FILE, JSON.stringify(buildOpenApi(), null, 2));

let failed = false;

// Redocly prints its own report; its exit code says whether there was an error.
const redocly = spawnSync('npx', ['redocly', 'lint', FILE, '--config', 'redocly.yaml', '--format', 'stylish'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  // No usage report sent to Redocly from a test run. (On Node 20 it also prints an end-of-life banner: harmless.)
  env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
});
if (redocly.status !== 0) {
  console.error(`✖ redocly lint: exit ${redocly.status ?? redocly.signal}`);
  failed = true;
}

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number; // 0 error, 1 warning, 2 info, 3 hint
}
const spectral = spawnSync(
  'npx',
  ['spectral', 'lint', FILE, '--ruleset', '.spectral.yaml', '--format', 'json', '--fail-severity', 'error', '--quiet'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
let results: SpectralResult[];
try {
  results = JSON.parse(spectral.stdout) as SpectralResult[];
} catch {
  console.error(spectral.stdout, spectral.stderr);
  console.error('✖ spectral lint: no report');
  process.exit(1);
}
const errors = results.filter((r) => r.severity === 0);
const warnings = new Map<string, number>();
for (const r of results) if (r.severity === 1) warnings.set(r.code, (warnings.get(r.code) ?? 0) + 1);
for (const e of errors) console.error(`✖ ${e.code}: ${e.message}\n    at ${e.path.join(' › ')}`);
const warningCount = [...warnings.values()].reduce((a, b) => a + b, 0);
console.log(`spectral (OWASP): ${errors.length} errors, ${warningCount} warnings`);
for (const [code, n] of [...warnings].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${code}`);
if (errors.length > 0 || spectral.status !== 0) failed = true;

process.exit(failed ? 1 : 0);
