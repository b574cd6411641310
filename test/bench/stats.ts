/**
 * Statistics benchmark (`npm run bench:stats`; not part of npm test): the bars of issue 14 — a dashboard read
 * ≤ 3 DynamoDB requests, growth 10,000 / 100 demands ≤ 1.2, the national roll-up one Query.
 *
 * Three tables of DynamoDB Local (in memory): 100, 1,000 and 10,000 demands of one mix (every authority region, every
 * field, statuses from submitted to completed, published across 2026), their counters written by
 * `rebuildCounters` (the very sums the transactions keep; the rebuild then finds no drift), and in each the 37
 * authorities' 统计表 for 2026H1 filled and submitted through the handlers. Then, in turn on the three tables
 * (so that the machine's load weighs on both alike), the handlers in-process: the ministry's national dashboard,
 * a province's, the ministry's table and the national roll-up export; per route the requests it sent, the median
 * of its wall clock at each size and the ratios 10k / 100 (the bar) and 10k / 1k. With 100 demands most counters
 * do not exist yet (sparse items); from about a thousand on every region's items carry every name they can: the
 * read is bounded by regions × shards × counter names, whatever the number of demands.
 */
import { AUTHORITY_REGION_CODES, FIELD_KEYS, type DemandStatus, type SessionUser } from '@jiebang/shared';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb';
import { PUBLIC_STATUSES } from '../../functions/src/domain/publication';
import { invoke } from '../support/invoke';
import { demand } from '../support/fixtures';
import { batchPut, countRequests, median } from './bench-table';
import { benchEnvironment } from './environment';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const NOW = new Date('2026-12-01T02:00:00.000Z');
const PERIOD = '2026H1';
const SIZES = [100, 1_000, 10_000] as const;
// Submitted (not yet public), then every public status but withdrawn; published twice (the commonest).
const STATUSES: DemandStatus[] = ['submitted', 'published', ...[...PUBLIC_STATUSES].filter((st) => st !== 'withdrawn')];

export interface StatsGrowth {
  iterations: number;
  /** Medians at 100, 1,000 and 10,000 demands; ratio = 10k / 100, ratio1k = 10k / 1k. */
  rows: {
    route: string;
    commands: string;
    /** Items the commands read, per size. */
    items: number[];
    medianMs: [number, number, number];
    ratio: number;
    ratio1k: number;
  }[];
  worstRatio: number;
  /** The most requests a dashboard read sent (bar ≤ 3). */
  dashboardRequests: number;
  /** The roll-up export's commands (bar: one Query of the reports). */
  rollupQueries: number;
  counterItems: number[];
}

export async function statsGrowth(iterations = ITERATIONS): Promise<StatsGrowth> {
  const db = await startDynamoDbLocal({ path: null });
  benchEnvironment(db.endpoint, 'bench-stats-100');
  // Loaded once the environment is set: the handlers read it when they load.
  const [{ deps, overrideDeps }, { createStore }, { rebuildCounters }] = await Promise.all([
    import('../../functions/src/deps'),
    import('../../functions/src/store'),
    import('../../functions/src/store/counters-rebuild'),
  ]);
  const handlerOf = async (name: string) =>
    ((await import(`../../functions/src/handlers/${name}`)) as { handler: Parameters<typeof invoke>[0] }).handler;
  const [overview, list, get, put, submit, rollup] = await Promise.all(
    ['overview', 'reports-list', 'report-get', 'report-put', 'report-submit', 'rollup-export'].map((n) =>
      handlerOf(`stats-${n}`),
    ),
  );
  const h = { overview: overview!, list: list!, get: get!, put: put!, submit: submit!, rollup: rollup! };
  overrideDeps({ clock: { now: () => NOW } });
  const token = async (roles: string[]) => {
    const user: SessionUser = { id: `u_bench_${roles.join('_')}`, roles, orgId: null };
    return (await deps().tokens.issue(user, NOW)).token;
  };
  const ministry = await token(['ministry']);

  function demands(n: number) {
    return Array.from({ length: n }, (_, i) => {
      const status = STATUSES[i % STATUSES.length]!;
      const at = new Date(Date.UTC(2026, 0, 1) + (i % 330) * 86_400_000).toISOString();
      const d = demand({
        id: `BENCHSTATS${String(i).padStart(8, '0')}`,
        status,
        region: AUTHORITY_REGION_CODES[i % AUTHORITY_REGION_CODES.length]!,
        field: FIELD_KEYS[i % FIELD_KEYS.length]!,
        campaignYear: 2026,
        submittedAt: at,
        publishedAt: at,
        ...(status === 'no_selection' ? { decidedAt: at } : {}),
      });
      if (status === 'submitted') delete (d as Partial<typeof d>).publishedAt;
      return d;
    });
  }

  async function world(table: string, n: number) {
    await ensureTable(db.endpoint, table);
    const store = createStore({ TABLE_NAME: table, AWS_REGION: 'cn-northwest-1', DYNAMODB_ENDPOINT: db.endpoint });
    const { itemsOfDemand } = await import('../../functions/src/store/dynamo-demands');
    // The demand records only (the catalogue's cards and postings play no part in statistics).
    await batchPut(
      store.doc,
      table,
      demands(n).map((d) => itemsOfDemand(d)[0]!),
    );
    await rebuildCounters(store, { fix: true });
    const check = await rebuildCounters(store);
    if (check.drift.length) throw new Error(`${table}: ${check.drift.length} counters drift after the rebuild`);
    // Every authority fills and submits its 统计表 (platform row + one event).
    overrideDeps({ store });
    for (const region of AUTHORITY_REGION_CODES) {
      const t = await token([`province:${region}`]);
      const params = { region, period: PERIOD };
      const got = await invoke<{ version: number; rows: { key: string; cells: object }[] }>(h.get, {
        token: t,
        params,
      });
      const rows = [
        ...got.body.rows.map((r) => ({ key: r.key, cells: r.cells })),
        { key: 'e1', cells: { name: '“百场万企”对接会', large: 10, smes: 60, signed: 3, amount: 800 } },
      ];
      const put = await invoke(h.put, { method: 'PUT', token: t, params, body: { version: got.body.version, rows } });
      const sent = await invoke(h.submit, { method: 'POST', token: t, params });
      if (put.status !== 200 || sent.status !== 200) throw new Error(`${region}: ${put.text} ${sent.text}`);
    }
    console.log(`${table}: ${n} demands, ${check.counterItems} counter items, 37 reports submitted`);
    return { store, counterItems: check.counterItems };
  }

  const province = await token(['province:440300']);
  const ROUTES: { route: string; call: () => ReturnType<typeof invoke> }[] = [
    { route: 'national dashboard', call: () => invoke(h.overview, { token: ministry, query: { year: '2026' } }) },
    {
      route: 'region dashboard (ministry)',
      call: () => invoke(h.overview, { token: ministry, query: { year: '2026', region: '440000' } }),
    },
    { route: 'province dashboard', call: () => invoke(h.overview, { token: province, query: { year: '2026' } }) },
    { route: 'reports table', call: () => invoke(h.list, { token: ministry, query: { period: PERIOD } }) },
    { route: 'roll-up export', call: () => invoke(h.rollup, { token: ministry, params: { period: PERIOD } }) },
  ];

  try {
    const sides = [];
    for (const n of SIZES) sides.push(await world(`bench-stats-${n}`, n));
    const rows: StatsGrowth['rows'] = [];
    for (const r of ROUTES) {
      const times: number[][] = SIZES.map(() => []);
      let commands = '';
      const items: number[] = SIZES.map(() => 0);
      for (let i = 0; i < iterations + 20; i++) {
        // Each round visits every size, in a rotating order.
        for (let j = 0; j < SIZES.length; j++) {
          const k = (i + j) % SIZES.length;
          overrideDeps({ store: sides[k]!.store });
          const counter = countRequests(sides[k]!.store.doc as never);
          const t = performance.now();
          const res = await r.call();
          const ms = performance.now() - t;
          counter.restore();
          if (res.status !== 200) throw new Error(`${r.route}: ${res.status} ${res.text}`);
          commands = counter.names.join(' + ');
          items[k] = counter.items;
          if (i >= 20) times[k]!.push(ms);
        }
      }
      const m = times.map(median) as [number, number, number];
      rows.push({ route: r.route, commands, items, medianMs: m, ratio: m[2] / m[0], ratio1k: m[2] / m[1] });
    }
    const dashboards = rows.filter((r) => r.route.includes('dashboard'));
    const rollup = rows.find((r) => r.route === 'roll-up export')!;
    return {
      iterations,
      rows,
      worstRatio: Math.max(...rows.map((r) => r.ratio)),
      dashboardRequests: Math.max(...dashboards.map((r) => r.commands.split(' + ').length)),
      rollupQueries: rollup.commands.split(' + ').filter((c) => c === 'Query').length,
      counterItems: sides.map((s) => s.counterItems),
    };
  } finally {
    await db.stop();
  }
}

async function main() {
  const g = await statsGrowth();
  console.log(`\nStatistics routes, ${g.iterations} calls per route and size, handlers in-process, DynamoDB Local\n`);
  console.log(
    '| route | DynamoDB commands | items read 100 / 1k / 10k | median ms 100 / 1k / 10k | 10k / 100 | 10k / 1k |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of g.rows)
    console.log(
      `| ${r.route} | ${r.commands} | ${r.items.join(' / ')} | ${r.medianMs.map((x) => x.toFixed(2)).join(' / ')} | ${r.ratio.toFixed(2)} | ${r.ratio1k.toFixed(2)} |`,
    );
  console.log(
    `\ncounter items 100 / 1k / 10k: ${g.counterItems.join(' / ')}; dashboard requests ≤ ${g.dashboardRequests} (bar 3); ` +
      `roll-up Queries ${g.rollupQueries} (bar 1); worst ratio ${g.worstRatio.toFixed(2)} (bar ≤ 1.2) ` +
      (g.worstRatio <= 1.2 && g.dashboardRequests <= 3 && g.rollupQueries === 1 ? 'OK' : 'ABOVE BAR'),
  );
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
