/**
 * `npm run bench` (not part of `npm test`): the performance bars of quality.md, measured in one run, written to
 * test/bench/latest.json and printed as a table.
 *
 * - Hot routes: each handler invoked in-process against DynamoDB Local (in memory, free port), ITERATIONS times
 *   after WARMUP; median and p99. Floor: the very commands the handler sent (recorded through the document
 *   client, grouped in the waves the handler issued concurrently) replayed directly with the document client right
 *   after each call — the database work the route cannot avoid. A write route's commands are replayed on an
 *   untouched world of the same shape (fixture ids swapped, ids the call made replaced by fresh ones), so the floor
 *   makes the same writes rather than failing their conditions.
 * - Consumed capacity: a middleware on the store's client injects ReturnConsumedCapacity=TOTAL. Reads: the sum of
 *   the ConsumedCapacity answers vs ⌈Σ item size / 4 KB⌉ × 0.5 (× 1 when consistent) per request. Writes: each
 *   write of the last call probed on its own on a further untouched world (DynamoDB Local reports a whole
 *   TransactWriteItems as if it held one item), DynamoDB Local's figure vs DynamoDB's rules from the item before
 *   and after (see `writeUnits`); transactions × 2, a condition check 2.
 *   Item size = Σ (attribute name length + value size), strings in UTF-8 bytes, numbers ≈ ⌈digits / 2⌉ + 1.
 * - Catalogue growth: test/bench/catalogue.ts (10,000 vs 100 published demands).
 * - Bundles: every handler in functions/src/handlers bundled by esbuild with the deployment's options
 *   (functions/esbuild.json), minified, everything bundled; init = a cold require in a fresh node process, INIT_RUNS
 *   times alternately with the yardstick (a bundle holding only the AWS SDK's DynamoDB document client), ratio of medians
 *   of the wall clock against the bar (1.5 for the public catalogue routes, 1.8 for every other function); the CPU
 *   time of the same loads is recorded beside it, the figure a busy machine disturbs least.
 * - Mini-program: sizes of the weapp main package and each subpackage in client/dist/weapp.
 * - First screen (./first-screen.ts) and load (./load.ts) against one local stack.
 * Figures are wall-clock on this machine; only ratios measured in the same run are compared with bars.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { ulid } from 'ulid';
import * as storeCommands from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { catalogueGrowth } from './catalogue';
import { recommendationsGrowth } from './recommendations';
import { startLocalStack } from '../../infra/local/stack';
import { firstScreen } from './first-screen';
import { loadRun } from './load';
import { benchEnvironment } from './environment';

const ROOT = join(__dirname, '..', '..');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WRITE_ITERATIONS = Number(process.env.BENCH_WRITE_ITERATIONS ?? 100);
const WARMUP = 20;
const INIT_RUNS = Number(process.env.BENCH_INIT_RUNS ?? 9);
/** The public catalogue routes: init bar 1.5 × the document client alone; every other function 1.8 ×. */
const PUBLIC_CATALOGUE = ['catalogue-list', 'catalogue-get'];
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** DynamoDB item size (bytes), after marshalling rules. */
function itemSize(item: Record<string, unknown>): number {
  const val = (v: unknown): number => {
    if (v === null || v === undefined) return 1;
    if (typeof v === 'string') return Buffer.byteLength(v, 'utf8');
    if (typeof v === 'number') return Math.ceil(String(Math.abs(v)).replace(/[.-]/g, '').length / 2) + 1;
    if (typeof v === 'boolean') return 1;
    if (Array.isArray(v)) return 3 + v.reduce((s: number, x) => s + 1 + val(x), 0);
    if (v instanceof Set) return [...v].reduce((s: number, x) => s + val(x), 0);
    if (typeof v === 'object')
      return 3 + Object.entries(v).reduce((s, [k, x]) => s + Buffer.byteLength(k) + 1 + val(x), 0);
    return 1;
  };
  return Object.entries(item).reduce((s, [k, v]) => s + Buffer.byteLength(k, 'utf8') + val(v), 0);
}

/**
 * Write units of one write by DynamoDB's rules, from the item before and after (empty = absent): the table
 * ⌈larger of the two / 1 KB⌉; each GSI whose key the item carries afterwards ⌈after / 1 KB⌉, plus ⌈before / 1 KB⌉
 * for the old index entry when the key changed or went away.
 */
function writeUnits(before: Record<string, unknown>, after: Record<string, unknown>): number {
  const kb = (it: Record<string, unknown>) => Math.max(1, Math.ceil(itemSize(it) / 1024));
  const has = (it: Record<string, unknown>) => Object.keys(it).length > 0;
  let units = kb(itemSize(before) > itemSize(after) ? before : after);
  for (const n of [1, 2, 3]) {
    const k = (it: Record<string, unknown>) =>
      it[`GSI${n}PK`] === undefined ? null : `${it[`GSI${n}PK`]}|${it[`GSI${n}SK`]}`;
    const [b, a] = [has(before) ? k(before) : null, has(after) ? k(after) : null];
    if (a !== null) units += kb(after);
    if (b !== null && b !== a) units += kb(before);
  }
  return units;
}

/**
 * The SDK's command names, as its middleware sees them → the document client's command classes
 * ("GetItemCommand" → "GetCommand").
 */
const COMMAND_OF: Record<string, string> = Object.fromEntries(
  Object.entries(storeCommands)
    .filter(([, C]) => typeof C === 'function' && C.prototype instanceof storeCommands.DynamoDBDocumentClientCommand)
    .map(([name, C]) => [
      (
        new (C as unknown as new (input: object) => { clientCommand: object })({}).clientCommand.constructor as {
          name: string;
        }
      ).name,
      name,
    ]),
);

/** The ULIDs of a fixture world, in the order of a walk: worlds built alike yield them in the same order. */
function ulidsOf(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') {
    for (const id of x.match(/[0-9A-HJKMNP-TV-Z]{26}/g) ?? []) if (!out.includes(id)) out.push(id);
  } else if (Array.isArray(x)) x.forEach((v) => ulidsOf(v, out));
  else if (x && typeof x === 'object')
    // Session tokens are base64: a run of 26 capitals and digits in one would read as an id.
    for (const [k, v] of Object.entries(x)) if (k !== 'token') ulidsOf(v, out);
  return out;
}

/**
 * A deep copy of a command input with every id of world `from` replaced by its counterpart in world `to`, and
 * every other ULID (made by the call: audit events, notifications) by a fresh one, the same within one replay.
 */
function idSwap(from: unknown, to: unknown): (input: any) => any {
  const a = ulidsOf(from);
  const b = ulidsOf(to);
  if (a.length !== b.length) throw new Error('worlds of different shapes');
  const map = new Map(a.map((id, k) => [id, b[k]!]));
  const walk = (v: any): any => {
    if (typeof v === 'string')
      return v.replace(/[0-9A-HJKMNP-TV-Z]{26}/g, (m) => {
        if (!map.has(m)) map.set(m, ulid());
        return map.get(m)!;
      });
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Set) return new Set([...v].map(walk));
    if (v && typeof v === 'object' && !(v instanceof Uint8Array))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk;
}

/**
 * An audited write is conditioned on its object's chain head (`#hash = :hash`): a hash over the called world's ids,
 * which the id swap cannot translate. Point each such condition at the head the untouched world holds, so that the
 * replay makes the same writes rather than failing (this read is not timed).
 */
async function alignAuditHeads(input: any): Promise<any> {
  const { deps } = await import('../../functions/src/deps');
  const { keys } = await import('../../functions/src/store/keys');
  for (const put of (input.TransactItems ?? []).map((ti: any) => ti.Put)) {
    if (!put || put.Item?.SK !== keys.auditHead('').SK || put.ExpressionAttributeValues?.[':hash'] === undefined)
      continue;
    const head = await deps().store.doc.send(
      new storeCommands.GetCommand({
        TableName: put.TableName,
        Key: keys.auditHead(put.Item.PK),
        ConsistentRead: true,
      }),
    );
    if (head.Item) put.ExpressionAttributeValues[':hash'] = head.Item.hash;
  }
  return input;
}

interface Sent {
  name: string;
  input: any;
  output: any;
  wave: number;
}

async function main() {
  const out: Record<string, unknown> = {
    takenAt: new Date().toISOString(),
    note: 'absolute figures depend on the machine; each ratio is measured within one run of its part',
    iterations: ITERATIONS,
    writeIterations: WRITE_ITERATIONS,
    initRuns: INIT_RUNS,
  };
  const db = await startDynamoDbLocal({ path: null });
  benchEnvironment(db.endpoint, 'bench-routes');
  await db.ensureTable('bench-routes');
  try {
    if (!SKIP.has('routes')) out.routes = await hotRoutes();
  } finally {
    await db.stop();
  }
  if (!SKIP.has('growth')) {
    const g = await catalogueGrowth(Number(process.env.BENCH_GROWTH_ITERATIONS ?? 100));
    out.catalogueGrowth = {
      growthRatio: r2(g.worstRatio),
      bar: 1.2,
      rows: g.rows.map((r) => ({
        ...r,
        medianMs100: r2(r.medianMs100),
        medianMs10k: r2(r.medianMs10k),
        ratio: r2(r.ratio),
      })),
    };
  }
  if (!SKIP.has('recommendations')) {
    const r = await recommendationsGrowth(Number(process.env.BENCH_GROWTH_ITERATIONS ?? 100));
    out.recommendationsGrowth = {
      ...r,
      growthRatio: r2(r.ratio),
      bar: 1.5,
      medianMs100: r2(r.medianMs100),
      medianMs10k: r2(r.medianMs10k),
      ratio: r2(r.ratio),
    };
  }
  if (!SKIP.has('bundles')) out.bundles = await bundles();
  if (!SKIP.has('weapp')) out.weapp = weapp();
  if (!SKIP.has('firstScreen') || !SKIP.has('load')) {
    // The whole local stack (seeded; the H5 build is made when missing) for the first screen and the load.
    const stack = await startLocalStack({ web: !SKIP.has('firstScreen'), build: 'if-missing', scheduler: false });
    try {
      if (!SKIP.has('firstScreen')) out.firstScreen = await firstScreen(stack.webUrl!);
      if (!SKIP.has('load')) out.load = await loadRun(stack);
    } finally {
      await stack.stop();
    }
  }
  // A partial run (BENCH_SKIP) keeps the parts it skipped from the previous latest.json, with when they were taken.
  const PART_PARAMS: Record<string, string[]> = { routes: ['iterations', 'writeIterations'], bundles: ['initRuns'] };
  const file = join(__dirname, 'latest.json');
  if (SKIP.size > 0 && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const kept: Record<string, string> = {};
    for (const part of [
      'routes',
      'catalogueGrowth',
      'recommendationsGrowth',
      'bundles',
      'weapp',
      'firstScreen',
      'load',
    ])
      if (!(part in out) && part in previous) {
        out[part] = previous[part];
        kept[part] = String((previous.partsTakenAt as Record<string, string> | undefined)?.[part] ?? previous.takenAt);
        // …and the sizes it was measured with.
        for (const k of PART_PARAMS[part] ?? []) out[k] = previous[k];
      }
    out.partsTakenAt = kept;
  }
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  print(out);
}

async function hotRoutes() {
  const { deps, overrideDeps } = await import('../../functions/src/deps');
  const { repositories } = await import('../../functions/src/store');
  const { invoke } = await import('../support/invoke');
  const ev = await import('../integration/evaluation-support');
  const ap = await import('../integration/applications-support');
  const h = {
    catalogueList: (await import('../../functions/src/handlers/catalogue-list')).handler,
    catalogueGet: (await import('../../functions/src/handlers/catalogue-get')).handler,
    createApp: (await import('../../functions/src/handlers/applications-create')).handler,
    submit: (await import('../../functions/src/handlers/applications-submit')).handler,
    scores: (await import('../../functions/src/handlers/scores-put')).handler,
    ranking: (await import('../../functions/src/handlers/ranking-get')).handler,
    selection: (await import('../../functions/src/handlers/selection-create')).handler,
  };
  const { demand: demandFixture } = await import('../support/fixtures');
  const doc = deps().store.doc;
  // The handlers' instance of deps (the support modules may load their own copy; same table either way).
  const clockAt = (t: Date) => overrideDeps({ clock: { now: () => new Date(t.getTime()) } });

  // Record every command (input, output, wave) and inject ReturnConsumedCapacity=TOTAL.
  let sent: Sent[] = [];
  let inFlight = 0;
  let wave = 0;
  // On the SDK's middleware stack, first of all: it sees the document values (before marshalling) and the whole
  // call (retries included).
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (inFlight === 0) wave++;
      inFlight++;
      const input = args.input as Record<string, unknown>;
      const rec: Sent = {
        name: COMMAND_OF[context.commandName ?? ''] ?? String(context.commandName),
        input: structuredClone(input),
        output: undefined,
        wave,
      };
      try {
        const out = await next({ ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } });
        rec.output = out.output;
        return out;
      } catch (err: any) {
        rec.output = { error: err?.name, CancellationReasons: err?.CancellationReasons };
        throw err;
      } finally {
        inFlight--;
        sent.push(rec);
      }
    },
    { step: 'initialize', priority: 'high', name: 'benchRecorder' },
  );

  // The world: 100 published demands in the catalogue, an evaluation world for scores and ranking.
  for (let i = 0; i < 100; i++) {
    await repositories(deps().store).demands.createIfAbsent(
      demandFixture({
        title: `电主轴关键技术攻关${i}`,
        publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        applicationDeadline: '2099-12-31T17:00:00+08:00',
      }),
    );
  }
  const detail = demandFixture({ applicationDeadline: '2099-12-31T17:00:00+08:00' });
  await repositories(deps().store).demands.createIfAbsent(detail);
  const w = await ev.evaluationWorld({ applicants: 20 });
  // A first score set of one reviewer for one application per call (and per floor replay and probe).
  const scorePairs: { token: string; appId: string; world: unknown }[] = [];
  while (scorePairs.length < 2 * (ITERATIONS + WARMUP) + 1) {
    const sw = await ev.evaluationWorld({ applicants: 10 });
    for (const r of sw.reviewers)
      for (const a of sw.applicants)
        scorePairs.push({
          token: r.token,
          appId: a.app.id,
          world: { demand: sw.demand, app: a.app, reviewer: r.user },
        });
  }

  // Drafts to submit (one per SME, each submitted once) and demands to select on (each selected once).
  const open = await ap.publishedDemand(w.issuer);
  // Twice the calls: the first half for the handler, the second for the floor's replays on untouched worlds.
  const POOL = 2 * (WRITE_ITERATIONS + WARMUP) + 1; // + 1: the capacity probe's
  const drafts: { id: string; token: string; world: unknown }[] = [];
  for (let i = 0; i < POOL; i++) {
    const sme = await ap.enterprise();
    const att = await ap.attachment(sme.org.id);
    const res = await invoke(h.createApp, {
      method: 'POST',
      token: sme.admin.token,
      params: { id: open.id },
      body: ap.applicationInput({ attachments: [att] }),
    });
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${res.text}`);
    drafts.push({
      id: res.body.id,
      token: sme.admin.token,
      world: { draft: res.body.id, sme, att, shared: [open, w.issuer] },
    });
  }
  clockAt(ev.AFTER);
  const selections: { demandId: string; appId: string; token: string; world: unknown }[] = [];
  for (let i = 0; i < POOL; i++) {
    const sw = await ev.evaluationWorld({ applicants: 1 });
    selections.push({ demandId: sw.demand.id, appId: sw.applicants[0]!.app.id, token: sw.admin.token, world: sw });
  }

  type Call = (i: number) => Promise<{ status: number; text: string }>;
  /** Write routes: the world of call i (its ids are swapped for an untouched world's when the floor replays). */
  type World = (i: number) => unknown;
  const cases: { route: string; iterations: number; expect: number; call: Call; world?: World }[] = [
    {
      route: 'catalogue page',
      iterations: ITERATIONS,
      expect: 200,
      call: () => invoke(h.catalogueList, { query: { limit: '20' } }),
    },
    {
      route: 'catalogue search',
      iterations: ITERATIONS,
      expect: 200,
      call: () => invoke(h.catalogueList, { query: { limit: '20', q: '电主轴' } }),
    },
    {
      route: 'demand detail',
      iterations: ITERATIONS,
      expect: 200,
      call: () => invoke(h.catalogueGet, { params: { id: detail.id } }),
    },
    {
      route: 'application submit',
      iterations: WRITE_ITERATIONS,
      expect: 200,
      call: (i) => {
        overrideDeps({ clock: { now: () => new Date() } }); // the drafts' tokens are issued at the real time
        return invoke(h.submit, {
          method: 'POST',
          token: drafts[i]!.token,
          params: { id: drafts[i]!.id },
          headers: { 'idempotency-key': `bench-submit-${i}` },
        });
      },
      world: (i) => drafts[i]!.world,
    },
    {
      route: 'score',
      iterations: ITERATIONS,
      expect: 200,
      call: (i) => {
        clockAt(ev.AFTER);
        return invoke(h.scores, {
          method: 'PUT',
          token: scorePairs[i]!.token,
          params: { id: scorePairs[i]!.appId },
          body: { team: 20 + (i % 5), capability: 20, plan: 20, match: 20 },
        });
      },
      world: (i) => scorePairs[i]!.world,
    },
    {
      route: 'ranking page',
      iterations: ITERATIONS,
      expect: 200,
      call: () => invoke(h.ranking, { token: w.admin.token, params: { id: w.demand.id }, query: { limit: '20' } }),
    },
    {
      route: 'selection',
      iterations: WRITE_ITERATIONS,
      expect: 200,
      call: (i) => {
        clockAt(ev.AFTER);
        const s = selections[i]!;
        return invoke(h.selection, {
          method: 'POST',
          token: s.token,
          params: { id: s.demandId },
          body: { applicationIds: [s.appId], justification: '综合评分第一，方案可行。' },
        });
      },
      world: (i) => selections[i]!.world,
    },
  ];

  const results: Record<string, unknown> = {};
  const only = process.env.BENCH_ROUTES?.split(',');
  for (const c of cases.filter((x) => !only || only.includes(x.route))) {
    const commands = storeCommands;
    const make = (x: Sent) => {
      const Ctor = (commands as any)[x.name];
      if (!Ctor) throw new Error(`no command ${x.name}`);
      return new Ctor(x.input);
    };
    const times: number[] = [];
    const floor: number[] = [];
    const calls = c.iterations + WARMUP;
    let last: Sent[] = [];
    let floorErrors = 0;
    // Each call is followed at once by its floor, so that a change of the machine's load weighs on both alike.
    for (let i = 0; i < calls; i++) {
      sent = [];
      wave = 0;
      const t = performance.now();
      const res = await c.call(i);
      const ms = performance.now() - t;
      if (res.status !== c.expect && res.status !== 201)
        throw new Error(`${c.route}: ${res.status} ${res.text.slice(0, 300)}`);
      last = sent;
      sent = []; // the replay below records into a scratch list
      // Floor: the same commands, sent directly, in the same waves. A write route's are replayed on an untouched
      // world of the same shape (its ids swapped in), so the floor does the same writes, not a cheaper refusal of
      // conditions that no longer hold.
      const swap = c.world ? idSwap(c.world(i), c.world(calls + i)) : (x: any) => x;
      const waves = new Map<number, Sent[]>();
      for (const x of last) {
        const input = c.world ? await alignAuditHeads(swap(x.input)) : x.input;
        waves.set(x.wave, [...(waves.get(x.wave) ?? []), { ...x, input }]);
      }
      const t2 = performance.now();
      for (const ws of waves.values())
        await Promise.all(
          ws.map((x) =>
            doc.send(make(x)).catch((err) => {
              if (!floorErrors++ && process.env.BENCH_DEBUG)
                console.log(x.name, err?.name, JSON.stringify(err?.CancellationReasons), JSON.stringify(x.input));
            }),
          ),
        );
      const floorMs = performance.now() - t2;
      if (i >= WARMUP) {
        times.push(ms);
        floor.push(floorMs);
      }
    }
    if (c.world && floorErrors) throw new Error(`${c.route}: ${floorErrors} floor replays failed on fresh worlds`);
    // Capacity of the last measured call vs the minimum for the items it touched.
    const cap = await capacity(last, c.world ? idSwap(c.world(calls - 1), c.world(2 * calls)) : null, make);
    const m = median(times);
    const f = median(floor);
    results[c.route] = {
      medianMs: r2(m),
      p99Ms: r2(p99(times)),
      floorMedianMs: r2(f),
      handlerOverheadRatio: r2(m / f),
      commands: last.map((s) => s.name.replace(/Command$/, '')),
      consumedCapacity: cap.consumed,
      minimumCapacity: cap.minimum,
      capacityRatio: cap.minimum ? r2(cap.consumed / cap.minimum) : null,
    };
    console.log(`${c.route}: ${JSON.stringify(results[c.route])}`);
    if (process.env.BENCH_DEBUG)
      console.log(
        JSON.stringify(
          last.map((s) => [s.name, s.wave, s.input]),
          null,
          0,
        ).slice(0, 3000),
      );
  }
  return results;
}

/**
 * Consumed capacity of one call (as DynamoDB Local reports it) and the minimum for the items it touched (by
 * DynamoDB's rules: reads ⌈Σ size / 4 KB⌉ × 0.5, or × 1 when consistent; writes ⌈size / 1 KB⌉ per item and per GSI
 * whose key it carries, the larger of the item before and after for an update; transactions × 2).
 *
 * DynamoDB Local reports a TransactWriteItems as if it held only one of its items (measured: three small Puts in
 * one transaction report 2 units, not 6; one 3 KB Put with a GSI reports 12, as it should). So each item of a write
 * transaction is probed on its own, as a one-item transaction on an untouched world of the same shape (`probe`
 * swaps the ids), and DynamoDB Local's figures for those are summed. Without a probe world (routes that only read)
 * the figures are DynamoDB Local's as reported.
 */
async function capacity(last: Sent[], probe: ((input: any) => any) | null, make: (s: Sent) => any) {
  const { deps } = await import('../../functions/src/deps');
  const doc = deps().store.doc;
  const units = (cc: any): number =>
    Array.isArray(cc) ? cc.reduce((a: number, x: any) => a + (x.CapacityUnits ?? 0), 0) : (cc?.CapacityUnits ?? 0);
  const { GetCommand } = storeCommands;
  /** The item now at `key` (consistent; not counted): its size for an update, delete or condition check. */
  const current = async (table: string, key: Record<string, unknown>) =>
    ((await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item ?? {}) as Record<
      string,
      unknown
    >;
  const keyOf = (kind: string, op: any) => (kind === 'Put' ? { PK: op.Item.PK, SK: op.Item.SK } : op.Key);
  let consumed = 0;
  let minimum = 0;
  for (const s of last) {
    const rf = s.input.ConsistentRead ? 1 : 0.5;
    const ops: [string, any][] =
      s.name === 'TransactWriteCommand'
        ? (s.input.TransactItems ?? []).map((ti: any) => Object.entries(ti)[0])
        : ['PutCommand', 'UpdateCommand', 'DeleteCommand'].includes(s.name)
          ? [[s.name.replace(/Command$/, ''), s.input]]
          : [];
    if (ops.length && probe) {
      // Each write on its own, on the probe world: DynamoDB Local's figure for it, and the rules' figure from the
      // item before and after.
      const tx = s.name === 'TransactWriteCommand';
      for (const [kind, op] of ops) {
        const one = await alignAuditHeads(probe(tx ? { TransactItems: [{ [kind]: op }] } : op));
        const target = tx ? one.TransactItems[0][kind] : one;
        const before = await current(target.TableName, keyOf(kind, target));
        const res: any = await doc.send(make({ ...s, input: { ...one, ReturnConsumedCapacity: 'TOTAL' } }));
        const after = await current(target.TableName, keyOf(kind, target));
        const min = (tx ? 2 : 1) * (kind === 'ConditionCheck' ? 1 : writeUnits(before, after));
        if (process.env.BENCH_DEBUG)
          console.log('  write', kind, JSON.stringify(keyOf(kind, target)), units(res.ConsumedCapacity), min);
        consumed += units(res.ConsumedCapacity);
        minimum += min;
      }
      continue;
    }
    consumed += units(s.output?.ConsumedCapacity);
    if (s.name === 'GetCommand') minimum += Math.max(1, Math.ceil(itemSize(s.output?.Item ?? {}) / 4096)) * rf;
    else if (s.name === 'QueryCommand')
      minimum +=
        Math.max(1, Math.ceil((s.output?.Items ?? []).reduce((a: number, it: any) => a + itemSize(it), 0) / 4096)) * rf;
    else if (s.name === 'BatchGetCommand') {
      for (const items of Object.values(s.output?.Responses ?? {}) as any[])
        for (const it of items) minimum += Math.ceil(itemSize(it) / 4096) * 0.5;
    } else if (s.name === 'TransactGetCommand') minimum += 2 * (s.input.TransactItems?.length ?? 0);
    else if (ops.length) throw new Error(`${s.name}: a write route needs a world to probe its writes on`);
  }
  return { consumed, minimum };
}

async function bundles() {
  const dir = mkdtempSync(join(tmpdir(), 'jiebang-bundles-'));
  const handlers = readdirSync(join(ROOT, 'functions/src/handlers')).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  // The yardstick of the bar: the AWS SDK's DynamoDB document client alone. And, for transparency, the store's
  // client as the functions build it (functions/src/store/client.ts: the same client, configured).
  writeFileSync(
    join(dir, 'ddb-only.ts'),
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nexport const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-northwest-1' }));\n",
  );
  writeFileSync(
    join(dir, 'store-client-only.ts'),
    `import { createStore } from ${JSON.stringify(join(ROOT, 'functions/src/store/client'))};\nexport const store = createStore({ TABLE_NAME: 'x', AWS_REGION: 'cn-northwest-1', DYNAMODB_ENDPOINT: undefined });\n`,
  );
  // The deployment's options (serverless.yml custom.esbuild reads the same file), minified as in production.
  const shared = JSON.parse(readFileSync(join(ROOT, 'functions/esbuild.json'), 'utf8')) as {
    target: string;
    mainFields: string[];
    alias: Record<string, string>;
    external: string[];
  };
  const opts = {
    bundle: true,
    minify: true,
    platform: 'node' as const,
    target: shared.target,
    mainFields: shared.mainFields,
    format: 'cjs' as const,
    external: shared.external,
    logLevel: 'silent' as const,
    absWorkingDir: ROOT,
  };
  // The yardstick is the SDK's client as it ships (its default credential chain included); the store client and
  // the handlers are built as deployed, with the environment-only credentials of the alias.
  for (const base of ['ddb-only', 'store-client-only'])
    await build({
      ...opts,
      ...(base === 'ddb-only' ? {} : { alias: shared.alias }),
      entryPoints: [join(dir, `${base}.ts`)],
      outfile: join(dir, 'out', `${base}.js`),
      nodePaths: [join(ROOT, 'node_modules')],
    });
  for (const f of handlers)
    await build({
      ...opts,
      alias: shared.alias,
      entryPoints: [join(ROOT, 'functions/src/handlers', f)],
      outfile: join(dir, 'out', f.replace(/\.ts$/, '.js')),
    });
  /**
   * One cold `require` of a bundle in a fresh node process: wall-clock ms (what Lambda bills and a user waits for)
   * and the CPU ms the process spent meanwhile (all its threads: less sensitive to other processes on a shared
   * machine, where the wall clock also counts the time spent waiting for a core).
   */
  const initOnce = (file: string) => {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `const c=process.cpuUsage();const t=process.hrtime.bigint();require(${JSON.stringify(file)});const w=Number(process.hrtime.bigint()-t)/1e6;const u=process.cpuUsage(c);process.stdout.write(w+' '+(u.user+u.system)/1e3)`,
      ],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'cn-northwest-1',
          STAGE: 'prod',
          TABLE_NAME: 'x',
          WECHAT_APPID: 'wx-bench',
          WECHAT_SECRET: 'bench',
          JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnop',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      },
    );
    if (r.status !== 0) throw new Error(`${file}: ${r.stderr}`);
    const [wall, cpu] = r.stdout.split(' ').map(Number);
    return { wall: wall!, cpu: cpu! };
  };
  /**
   * Medians of INIT_RUNS cold loads of `file` and of the yardstick, alternating load by load, so that a change of
   * the machine's load weighs on both alike.
   */
  const initPair = (file: string, yardstick: string) => {
    const a: { wall: number; cpu: number }[] = [];
    const b: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < INIT_RUNS; i++) {
      a.push(initOnce(file));
      b.push(initOnce(yardstick));
    }
    const m = (xs: { wall: number; cpu: number }[]) => ({
      wall: median(xs.map((x) => x.wall)),
      cpu: median(xs.map((x) => x.cpu)),
    });
    return [m(a), m(b)] as const;
  };
  const baseFile = join(dir, 'out', 'ddb-only.js');
  const baseKB = r2(statSync(baseFile).size / 1024);
  const ownFile = join(dir, 'out', 'store-client-only.js');
  const [ownInit, baseInit] = initPair(ownFile, baseFile);
  const rows = handlers.map((f) => {
    const handler = f.replace(/\.ts$/, '');
    const file = join(dir, 'out', `${handler}.js`);
    const [init, base] = initPair(file, baseFile);
    const initBar = PUBLIC_CATALOGUE.includes(handler) ? 1.5 : 1.8;
    const sizeKB = r2(statSync(file).size / 1024);
    return {
      handler,
      sizeKB,
      initMs: r2(init.wall),
      initRatio: r2(init.wall / base.wall),
      initBar,
      holds: sizeKB <= 700 && init.wall / base.wall <= initBar,
      cpuMs: r2(init.cpu),
      cpuRatio: r2(init.cpu / base.cpu),
      initRatioVsStoreClient: r2(init.wall / ownInit.wall),
    };
  });
  return {
    barKB: 700,
    initBars: { publicCatalogue: 1.5, others: 1.8 },
    dynamoDbClientOnly: { sizeKB: baseKB, initMs: r2(baseInit.wall), cpuMs: r2(baseInit.cpu) },
    storeClientOnly: {
      sizeKB: r2(statSync(ownFile).size / 1024),
      initMs: r2(ownInit.wall),
      cpuMs: r2(ownInit.cpu),
    },
    maxSizeKB: Math.max(...rows.map((r) => r.sizeKB)),
    maxInitRatio: Math.max(...rows.map((r) => r.initRatio)),
    over: rows.filter((r) => !r.holds).map((r) => r.handler),
    handlers: rows,
  };
}

function weapp() {
  const dist = join(ROOT, 'client/dist/weapp');
  if (!existsSync(join(dist, 'app.json'))) {
    const r = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) return { error: 'weapp build failed' };
  }
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes: Record<string, number> = { main: 0, ...Object.fromEntries(roots.map((r) => [r, 0])) };
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.map')) {
        const rel = relative(dist, p);
        const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`));
        sizes[root ?? 'main'] = (sizes[root ?? 'main'] ?? 0) + statSync(p).size;
      }
    }
  };
  walk(dist);
  const kb = Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, r2(v / 1024)]));
  return {
    mainKB: kb.main,
    mainBarKB: 1536,
    subpackagesKB: Object.fromEntries(roots.map((r) => [r, kb[r]])),
    subpackageBarKB: 2048,
  };
}

function print(out: any) {
  const lines: string[] = [];
  if (out.routes) {
    lines.push(
      '| route | median ms | p99 ms | floor median ms | overhead (≤ 1.3) | capacity / minimum (1.0) |',
      '|---|---|---|---|---|---|',
    );
    for (const [k, v] of Object.entries<any>(out.routes)) {
      lines.push(
        `| ${k} | ${v.medianMs} | ${v.p99Ms} | ${v.floorMedianMs} | ${v.handlerOverheadRatio} | ${v.consumedCapacity} / ${v.minimumCapacity} = ${v.capacityRatio} |`,
      );
    }
  }
  if (out.catalogueGrowth)
    lines.push('', `catalogue growth 10k / 100 (worst filter): ${out.catalogueGrowth.growthRatio} (bar ≤ 1.2)`);
  if (out.recommendationsGrowth) {
    const r = out.recommendationsGrowth;
    lines.push(
      '',
      `recommendations growth 10k / 100: ${r.ratio} (bar ≤ 1.5); medians ${r.medianMs100} / ${r.medianMs10k} ms; ` +
        `requests ${r.requests[1].join(' + ')} (k = ${r.keys}); items ${r.items.join(' / ')}`,
    );
  }
  if (out.bundles) {
    const b = out.bundles;
    lines.push(
      '',
      `bundles: largest ${b.maxSizeKB} KB (bar 700 KB); DynamoDB document client alone ${b.dynamoDbClientOnly.sizeKB} KB, init ${b.dynamoDbClientOnly.initMs} ms (CPU ${b.dynamoDbClientOnly.cpuMs} ms); init ratio worst ${b.maxInitRatio} (bars ≤ 1.5 public catalogue, ≤ 1.8 others); over a bar: ${b.over?.length ? b.over.join(', ') : 'none'}`,
    );
    lines.push(
      `store client alone (functions/src/store/client.ts): ${b.storeClientOnly.sizeKB} KB, ${b.storeClientOnly.initMs} ms`,
      '| handler | KB | init ms | init ratio (vs SDK client) | bar | CPU ms | CPU ratio | vs store client |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const r of b.handlers)
      lines.push(
        `| ${r.handler} | ${r.sizeKB} | ${r.initMs} | ${r.initRatio} | ${r.initBar}${r.holds ? '' : ' ✗'} | ${r.cpuMs} | ${r.cpuRatio} | ${r.initRatioVsStoreClient} |`,
      );
  }
  if (out.firstScreen)
    lines.push(
      '',
      `H5 first screen with real data (375×812, fresh context, median of ${out.firstScreen.runs}): ${out.firstScreen.medianMs} ms, worst ${out.firstScreen.worstMs} ms (bar ≤ 2000 ms)`,
    );
  if (out.weapp)
    lines.push(
      '',
      `weapp: main ${out.weapp.mainKB} KB (bar 1536 KB); subpackages ${JSON.stringify(out.weapp.subpackagesKB)} (bar 2048 KB each)`,
    );
  if (out.load) {
    lines.push(
      '',
      `load (${out.load.connections} connections, autocannon, local stack):`,
      '| run | requests | statuses | error rate | median ms | p99 ms | req/s |',
      '|---|---|---|---|---|---|---|',
    );
    for (const k of ['catalogue', 'submits', 'replays']) {
      const r = out.load[k];
      lines.push(
        `| ${k} | ${r.requests} | ${JSON.stringify(r.statuses)} | ${r.errorRate} | ${r.latencyMedianMs} | ${r.latencyP99Ms} | ${r.requestsPerSecond} |`,
      );
    }
    lines.push(
      `application statuses afterwards (pool ${out.load.pool}): ${JSON.stringify(out.load.statusesAfterwards)}`,
    );
  }
  console.log(`\n${lines.join('\n')}\n\nwritten: test/bench/latest.json`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
