/**
 * Fuzzing of EVERY write route (quality.md: "bad input of every kind, fuzzed from the zod schemas, gets a 4xx
 * with a clear Chinese message, never a 5xx"). The routes come from `routes` in http/spec.ts (each one with a
 * `body` schema); the handler of each is found through functions/sls/*.yml (method + path → handler file), so a
 * new write route is fuzzed without touching this file. Bodies start from a valid-ish sample of the route's
 * published JSON Schema (`z.toJSONSchema`) and are mutated: wrong types, missing required fields, extra fields,
 * huge strings, unicode, nulls, deep nesting. Each is sent in-process with the token of a plausible role on real
 * path ids (and an unknown one). Bounded: RUNS bodies per route.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import * as z from 'zod';
import { errorBodySchema } from '@jiebang/shared';
import { allRoutes as routes } from '@jiebang/shared/routes/all';
import type { RouteDefinition as RouteSpec } from '@jiebang/shared/routes/define';
import { invoke } from '../support/invoke';
import { mutations } from '../support/mutations';
import { applicationInput, enterprise, largeEnterprise, publishedDemand, repos, session } from './applications-support';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const ROOT = join(__dirname, '..', '..');

type Handler = Parameters<typeof invoke>[0];
type JsonSchema = Record<string, any>;

/** `METHOD path` → handler module path, read from the Serverless function files. */
function handlerFiles(): Map<string, string> {
  const out = new Map<string, string>();
  const dir = join(ROOT, 'functions', 'sls');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yml'))) {
    let handler: string | undefined;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const h = /^\s+handler:\s*(\S+)\.handler\s*$/.exec(line);
      if (h) handler = h[1];
      const e = /httpApi:\s*\{\s*method:\s*(\w+),\s*path:\s*(?:'([^']+)'|([^\s},]+))/.exec(line);
      if (e && handler) out.set(`${e[1]!.toUpperCase()} ${e[2] ?? e[3]}`, handler);
    }
  }
  return out;
}

const STRING_CANDIDATES = [
  '2027-03-31T09:00:00.000Z',
  '2027-03-31T17:00:00+08:00',
  '2027-12-31',
  '2027-06',
  '440305',
  '914403001922038216',
  'ABCDEFGHJK01',
  'org/x/report.pdf',
  'https://example.com/a',
  'a@example.com',
  '13800138000',
];

/** A value that satisfies `schema` as far as a simple reading goes (enums, consts, bounds, common patterns). */
export function sample(schema: JsonSchema, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > 8) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alt = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alt)) return sample(alt.find((s: JsonSchema) => s.type !== 'null') ?? alt[0], depth + 1);
  if (Array.isArray(schema.allOf)) return sample(Object.assign({}, ...schema.allOf), depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, s] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>))
        o[k] = sample(s, depth + 1);
      return o;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items ?? {}, depth + 1));
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      const max = schema.maximum ?? min + 10;
      return Math.min(max, Math.max(min, Math.ceil(min)));
    }
    case 'boolean':
      return false;
    case 'string': {
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 1000;
      const re = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
      const fits = (s: string) => s.length >= min && s.length <= max && (!re || re.test(s));
      const pool = schema.format === 'date' ? ['2027-12-31', ...STRING_CANDIDATES] : STRING_CANDIDATES;
      return (
        pool.find(fits) ??
        ['测试内容'.padEnd(Math.max(min, 4), '容'), 'abc'.padEnd(Math.max(min, 3), 'x')].find(fits) ??
        'x'.repeat(min)
      );
    }
    default:
      return {};
  }
}

interface Target {
  name: string;
  spec: RouteSpec;
  handler: Handler;
}

const files = handlerFiles();
const targets: Target[] = [];
const unmapped: string[] = [];

beforeAll(async () => {
  for (const [name, spec] of Object.entries(routes) as [string, RouteSpec][]) {
    if (!spec.body) continue;
    const file = files.get(`${spec.method} ${spec.path}`);
    if (!file) {
      unmapped.push(`${name} (${spec.method} ${spec.path})`);
      continue;
    }
    const mod = (await import(join(ROOT, `${file}.ts`))) as { handler: Handler };
    targets.push({ name, spec, handler: mod.handler });
  }
}, 60_000);

describe('fuzzed bodies on every write route (from the zod schemas)', () => {
  it('finds a handler for every route with a body', () => {
    expect(unmapped).toEqual([]);
    expect(targets.length).toBeGreaterThanOrEqual(20);
  });

  it('never answers 5xx, and every 4xx carries the error body', async () => {
    // Real objects so that requests get past the lookups as far as the body allows.
    const issuer = await largeEnterprise({
      region: '440305',
      authorityRegion: '440300',
    });
    const sme = await enterprise();
    const demand = await publishedDemand(issuer.org);
    const app = await invoke(targets.find((t) => t.name === 'applicationsCreate')!.handler, {
      method: 'POST',
      token: sme.admin.token,
      params: { id: demand.id },
      body: applicationInput(),
    });
    expect(app.status).toBe(201);
    const reviewer = await session(['org_member', 'reviewer'], issuer.org.id);
    const tokens = [
      issuer.admin.token,
      sme.admin.token,
      reviewer.token,
      (await session(['ministry'])).token,
      (await session(['province:440300'])).token,
      (await session(['admin'])).token,
      (await session()).token,
    ];
    const ids = [demand.id, app.body.id as string, issuer.org.id, sme.org.id, reviewer.id, 'UNKNOWN01'];
    expect(await repos().demands.get(demand.id)).toBeTruthy();

    const counts: Record<string, Record<number, number>> = {};
    for (const t of targets) {
      const schema = z.toJSONSchema(t.spec.body!, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      const valid = sample(schema);
      const paramNames = [...t.spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      counts[t.name] = {};
      await fc.assert(
        fc.asyncProperty(
          mutations(valid),
          fc.constantFrom(...tokens),
          fc.array(fc.constantFrom(...ids), { minLength: paramNames.length, maxLength: paramNames.length }),
          async (body, token, pids) => {
            const params = Object.fromEntries(paramNames.map((n, i) => [n, pids[i]!]));
            const res = await invoke(t.handler, {
              method: t.spec.method,
              path: t.spec.path,
              token,
              params,
              ...(body === undefined ? {} : { body }),
              headers: { 'idempotency-key': `fuzz-${Math.random().toString(36).slice(2)}` },
            });
            counts[t.name]![res.status] = (counts[t.name]![res.status] ?? 0) + 1;
            expectWith(res.status, `${t.name}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
            if (res.status >= 400) {
              expectWith(errorBodySchema.safeParse(res.body).success, `${t.name}: ${res.text.slice(0, 300)}`).toBe(
                true,
              );
            }
          },
        ),
        { numRuns: RUNS },
      );
    }
    // Not only refusals: the valid-ish samples get through on some routes, so the fuzzing reaches the use-cases.
    const passed = Object.values(counts).filter((c) => Object.keys(c).some((s) => Number(s) < 300)).length;
    expect(passed).toBeGreaterThan(0);
  }, 120_000);
});
