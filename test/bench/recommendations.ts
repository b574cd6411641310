/**
 * Recommendations benchmark (`npm run bench:recommendations`, and the `recommendations` part of `npm run bench`;
 * not part of npm test). Two tables of DynamoDB Local (in memory) with 100 and with 10,000 published demands'
 * matching postings (the items the indexer writes: matchPostingItems), the same organisation in both (org item,
 * member, matching view, 20 issuers whose lists name it); GET /v1/recommendations invoked in-process, the two
 * tables alternately call by call; DynamoDB requests per call and the ratio of the medians 10k / 100 (issue 15's
 * bar: ≤ 1.5, and ≤ 1 + k requests besides the membership read).
 */
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { countRequests, median, seedTable } from './bench-table';
import { benchEnvironment } from './environment';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 150);
const VOCABULARY = [
  '电主轴',
  '伺服',
  '热误差',
  '动平衡',
  '轴承',
  '编码器',
  '数控系统',
  '减速器',
  '固态电池',
  '光刻胶',
  '复合材料',
  '传感器',
  '密封件',
  '涂层',
  '焊接',
  '锻造',
  '抗体',
  '纯化',
  '碳化硅',
  '液冷',
  '叶片',
  '膜分离',
  '余热',
  '算法',
];
const FIELDS = ['machine_tools', 'new_materials', 'biomedicine', 'new_energy_vehicles'] as const;

export interface RecommendationsGrowth {
  iterations: number;
  keys: number;
  requests: [string[], string[]];
  items: [number, number];
  medianMs100: number;
  medianMs10k: number;
  ratio: number;
}

export async function recommendationsGrowth(iterations = ITERATIONS): Promise<RecommendationsGrowth> {
  const db = await startDynamoDbLocal({ path: null });
  benchEnvironment(db.endpoint, 'bench-rec-100');
  const { deps, overrideDeps } = await import('../../functions/src/deps');
  const { createStore } = await import('../../functions/src/store');
  const { matchPostingItems } = await import('../../functions/src/store/dynamo-match-index');
  const { matchViewPut } = await import('../../functions/src/store/dynamo-orgs');
  const { ENTITY, keys, libraryKeys, LIBRARY_ENTITY } = await import('../../functions/src/store/keys');
  const { handler } = await import('../../functions/src/handlers/recommendations-list');
  const { invoke } = await import('../support/invoke');
  const { org: orgFixture } = await import('../support/fixtures');
  const NOW = new Date('2026-11-20T02:00:00.000Z');
  overrideDeps({ clock: { now: () => NOW } });

  const org = {
    ...orgFixture({ region: '440305' }),
    profile: {
      summary: '高速电主轴与伺服驱动',
      techFields: ['machine_tools' as const],
      keywords: ['电主轴', '伺服'],
      terms: VOCABULARY.slice(0, 9).map((term, i) => ({ term, weight: 1 - i * 0.08 })),
    },
  };
  const user = { id: 'u_bench_recommendations', roles: ['org_admin'], orgId: org.id };
  const issuers = Array.from({ length: 200 }, (_, i) => `ISSUER${String(i).padStart(4, '0')}`);

  /** Six terms of the vocabulary per demand, weights varied; every tenth closed, every tenth anonymous. */
  function postings(table: string, n: number) {
    return Array.from({ length: n }, (_, i) => {
      const terms = Array.from({ length: 6 }, (_, j) => ({
        term: VOCABULARY[(i * 7 + j * 5) % VOCABULARY.length]!,
        weight: 0.3 + ((i * 13 + j * 17) % 70) / 100,
      })).filter((t, j, all) => all.findIndex((x) => x.term === t.term) === j);
      const deadline = i % 10 === 9 ? '2026-06-30T17:00:00+08:00' : '2027-06-30T17:00:00+08:00';
      return matchPostingItems(table, 'D', `BENCHD${String(i).padStart(8, '0')}`, terms, FIELDS[i % FIELDS.length]!, {
        name: `关键技术攻关${i}`,
        region: i % 3 === 0 ? '440300' : '310000',
        ownerOrgId: issuers[i % issuers.length]!,
        ...(i % 10 === 0 ? {} : { ownerName: `发榜企业${i % issuers.length}` }),
        anonymous: i % 10 === 0,
        deadline,
        issuerCreditCode: `91440300MA${String(i % issuers.length).padStart(7, '0')}X`,
        ttl: Math.ceil(Date.parse(deadline) / 1000),
      }).map((x) => (x as { Put: { Item: Record<string, unknown> } }).Put.Item);
    }).flat();
  }

  async function load(table: string, n: number) {
    const store = createStore({ TABLE_NAME: table, AWS_REGION: 'cn-northwest-1', DYNAMODB_ENDPOINT: db.endpoint });
    await seedTable(db.endpoint, store.doc, table, n, [
      { ...keys.org(org.id), entityType: ENTITY.org, ...org },
      (matchViewPut(table, org as never) as { Put: { Item: Record<string, unknown> } }).Put.Item,
      { ...keys.user(user.id), entityType: ENTITY.user, openid: user.id, ...user, orgCreditCode: org.creditCode },
      // 20 issuers whose supplier lists name the organisation: never recommended.
      ...issuers.slice(0, 20).map((id) => ({
        ...libraryKeys.affiliatedBy(org.creditCode, id, 'g1'),
        entityType: LIBRARY_ENTITY.affiliatedBy,
        issuerOrgId: id,
        gen: 'g1',
      })),
      ...postings(table, n),
    ]);
    return store;
  }

  try {
    const small = await load('bench-rec-100', 100);
    const large = await load('bench-rec-10k', 10_000);
    const { token } = await deps().tokens.issue(user, NOW);
    const sides = [small, large].map((store) => ({ store, times: [] as number[], names: [] as string[], items: 0 }));
    for (let i = 0; i < iterations + 20; i++) {
      for (const k of i % 2 ? [1, 0] : [0, 1]) {
        const side = sides[k]!;
        overrideDeps({ store: side.store });
        const counter = countRequests(side.store.doc as never);
        const t = performance.now();
        const res = await invoke(handler, { token, query: { limit: '20' } });
        const ms = performance.now() - t;
        counter.restore();
        if (res.status !== 200) throw new Error(`recommendations: ${res.status} ${res.text}`);
        for (const item of res.body.items as { id: string }[])
          if (Number(item.id.slice(6)) % 200 < 20) throw new Error(`an affiliated issuer's demand: ${item.id}`);
        side.names = counter.names;
        side.items = res.body.items.length;
        if (i >= 20) side.times.push(ms); // the first 20 warm up
      }
    }
    const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
    return {
      iterations,
      keys: 1 + 9,
      requests: [a.names, b.names],
      items: [a.items, b.items],
      medianMs100: median(a.times),
      medianMs10k: median(b.times),
      ratio: median(b.times) / median(a.times),
    };
  } finally {
    await db.stop();
  }
}

async function main() {
  const r = await recommendationsGrowth();
  console.log(`\nGET /v1/recommendations (limit 20), ${r.iterations} calls per table, in-process, DynamoDB Local\n`);
  console.log(`requests 100: ${r.requests[0].join(' + ')}`);
  console.log(`requests 10k: ${r.requests[1].join(' + ')}`);
  console.log(`items 100 / 10k: ${r.items.join(' / ')}; k = ${r.keys} (1 field + 9 terms)`);
  console.log(
    `median ms 100: ${r.medianMs100.toFixed(2)}, 10k: ${r.medianMs10k.toFixed(2)}; 10k / 100 = ${r.ratio.toFixed(2)} (bar ≤ 1.5) ${r.ratio <= 1.5 ? 'OK' : 'ABOVE BAR'}`,
  );
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
