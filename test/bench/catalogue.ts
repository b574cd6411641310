/**
 * Catalogue benchmark (npm run bench:catalogue; not part of npm test). Seeds two tables of DynamoDB Local (in
 * memory) with 10,000 and with 100 published demands (BatchWriteItem of exactly the items publication writes),
 * then for several filter combinations invokes the catalogue handler in-process and reports DynamoDB requests per
 * page, the median latency per page, and the ratio of medians 10k / 100 (quality bar: ≤ 1.2).
 */
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { seedTable } from './bench-table';
import { invoke } from '../support/invoke';
import { demand } from '../support/fixtures';
import { benchEnvironment } from './environment';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 150);
const WORDS = [
  '电主轴',
  '固态电池',
  '焊接工艺',
  '抗体纯化',
  '曲轴锻造',
  '光刻胶',
  '减速器',
  '复合材料',
  '数控系统',
  '传感器',
  '密封件',
  '涂层',
];

export interface CatalogueGrowth {
  iterations: number;
  rows: {
    filter: string;
    requests: [number, number];
    items: [number, number];
    medianMs100: number;
    medianMs10k: number;
    ratio: number;
  }[];
  worstRatio: number;
}

/** Seed 100 and 10,000 published demands and compare catalogue page medians (also used by `npm run bench`). */
export async function catalogueGrowth(iterations = ITERATIONS): Promise<CatalogueGrowth> {
  const db = await startDynamoDbLocal({ path: null });
  benchEnvironment(db.endpoint, 'bench-100');

  const { deps, overrideDeps } = await import('../../functions/src/deps');
  const { createStore } = await import('../../functions/src/store');
  const { itemsOfDemand } = await import('../../functions/src/store/dynamo-demands');
  const { handler } = await import('../../functions/src/handlers/catalogue-list');
  overrideDeps({ clock: { now: () => new Date('2026-11-20T02:00:00.000Z') } });

  /**
   * The same periodic mix at both sizes, dense enough that every filter combination below fills its page of 20
   * (and every keyword reads a full 40 postings) in the 100-demand table too: the two tables then differ in size
   * only, not in the work a page does. Four groups by i % 4: machine tools in 深圳 (440300), new materials in
   * 上海, biomedicine in 广东 (all open), and a mixed group that is closed. Every demand mentions 固态电池; half
   * of the titles 电主轴.
   */
  function makeDemands(n: number) {
    const base = Date.UTC(2025, 0, 1);
    const GROUPS = [
      { field: 'machine_tools', region: '440300' },
      { field: 'new_materials', region: '310000' },
      { field: 'biomedicine', region: '440000' },
    ] as const;
    const OTHER = [
      { field: 'new_energy_vehicles', region: '110000' },
      { field: 'integrated_circuits', region: '330200' },
      { field: 'aerospace', region: '510000' },
    ] as const;
    return Array.from({ length: n }, (_, i) => {
      const g = i % 4;
      const where = g < 3 ? GROUPS[g]! : OTHER[Math.floor(i / 4) % OTHER.length]!;
      const w = WORDS[i % WORDS.length]!;
      return demand({
        id: `BENCH${String(i).padStart(8, '0')}`,
        title: `${i % 2 === 0 ? '电主轴' : w}关键技术攻关${i}`,
        difficulties: `固态电池可靠性与${w}一致性`,
        indicators: [{ name: '寿命', target: `≥ ${1000 + i} 小时` }],
        field: where.field,
        region: where.region,
        anonymous: i % 10 === 0,
        publishedAt: new Date(base + i * 60_000).toISOString(),
        applicationDeadline: g === 3 ? '2026-06-30T17:00:00+08:00' : '2027-06-30T17:00:00+08:00',
      });
    });
  }

  async function load(table: string, n: number) {
    const store = createStore({ TABLE_NAME: table, AWS_REGION: 'cn-northwest-1', DYNAMODB_ENDPOINT: db.endpoint });
    await seedTable(db.endpoint, store.doc, table, n, makeDemands(n).flatMap(itemsOfDemand));
    return store;
  }

  const COMBOS: Record<string, string>[] = [
    {},
    { field: 'machine_tools' },
    { region: '440300' },
    { field: 'new_materials', region: '310000' },
    { open: '1' },
    { open: '0' },
    { field: 'biomedicine', region: '440000', open: '1' },
    { q: '电主轴' },
    { q: '固态电池', open: '1' },
  ];

  /** Count the requests a page sends through a store's client. */
  function counted(store: ReturnType<typeof createStore>) {
    const send = store.doc.send.bind(store.doc);
    const c = { store, requests: 0, times: [] as number[], items: 0, restore: () => void (store.doc.send = send) };
    store.doc.send = ((cmd: never) => {
      c.requests++;
      return send(cmd);
    }) as typeof store.doc.send;
    return c;
  }

  /**
   * Pages of both tables, alternating call by call, so that a change in the machine's load during the run weighs
   * on both medians alike (the ratio is what the bar compares).
   */
  async function measurePair(
    small: ReturnType<typeof createStore>,
    large: ReturnType<typeof createStore>,
    query: Record<string, string>,
  ) {
    const sides = [counted(small), counted(large)];
    try {
      for (let i = 0; i < iterations + 20; i++) {
        for (const k of i % 2 ? [1, 0] : [0, 1]) {
          const side = sides[k]!;
          overrideDeps({ store: side.store });
          side.requests = 0;
          const t = performance.now();
          const res = await invoke(handler, { query: { limit: '20', ...query } });
          const ms = performance.now() - t;
          if (res.status !== 200) throw new Error(`${JSON.stringify(query)}: ${res.status} ${res.text}`);
          side.items = res.body.items.length;
          if (i >= 20) side.times.push(ms); // the first 20 warm up
        }
      }
    } finally {
      for (const s of sides) s.restore();
    }
    return sides.map((s) => {
      s.times.sort((x, y) => x - y);
      return { median: s.times[Math.floor(s.times.length / 2)]!, requests: s.requests, items: s.items };
    }) as [{ median: number; requests: number; items: number }, { median: number; requests: number; items: number }];
  }

  try {
    const small = await load('bench-100', 100);
    const large = await load('bench-10k', 10_000);
    void deps;
    const rows: CatalogueGrowth['rows'] = [];
    for (const q of COMBOS) {
      const [a, b] = await measurePair(small, large, q);
      rows.push({
        filter: JSON.stringify(q).replace(/"/g, ''),
        requests: [a.requests, b.requests],
        items: [a.items, b.items],
        medianMs100: a.median,
        medianMs10k: b.median,
        ratio: b.median / a.median,
      });
    }
    return { iterations, rows, worstRatio: Math.max(...rows.map((r) => r.ratio)) };
  } finally {
    await db.stop();
  }
}

async function main() {
  const { rows, worstRatio: worst } = await catalogueGrowth();
  console.log(
    `\nCatalogue page (limit 20), ${ITERATIONS} pages per combination, handler in-process against DynamoDB Local\n`,
  );
  console.log('| filter | requests (100 / 10k) | items (100 / 10k) | median ms, 100 | median ms, 10k | 10k / 100 |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.filter} | ${r.requests.join(' / ')} | ${r.items.join(' / ')} | ${r.medianMs100.toFixed(2)} | ${r.medianMs10k.toFixed(2)} | ${r.ratio.toFixed(2)} |`,
    );
  }
  console.log(`\nworst ratio 10k/100: ${worst.toFixed(2)} (bar ≤ 1.2) ${worst <= 1.2 ? 'OK' : 'ABOVE BAR'}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
