/**
 * Keyword search indexing outside the publishing request (issue 12, finding 7): a demand with every text at its
 * maximum size (≈ 7,100 distinct bigrams) is published without a single BatchWriteItem in the request; the
 * scheduled indexer writes its postings; a second run, a crashed run and a failing run leave the index right; the
 * rebuild restores deleted postings and is safe to run twice.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { BatchGetCommand, DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Demand } from '@jiebang/shared';
import { handler as createH } from '../../functions/src/handlers/demands-create';
import { handler as submitH } from '../../functions/src/handlers/demands-submit';
import { handler as decideH } from '../../functions/src/handlers/review-demands-decide';
import { handler as catalogueH } from '../../functions/src/handlers/catalogue-list';
import { deps, overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { indexTerms } from '../../functions/src/domain/search-terms';
import { INDEXER_DEFAULTS } from '../../functions/src/indexing/indexer';
import { rebuildSearchIndexNow, runIndexerNow } from '../../functions/src/scheduler';
import { DynamoSearchIndex } from '../../functions/src/store/dynamo-search-index';
import { keys } from '../../functions/src/store/keys';
import { NOW, makeWorld, type Person, type World } from '../support/actors';
import { expectWith } from '../support/expect-with';
import { demandForm } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { spyOnStore } from '../support/store-spy';

let w: World;
let clockMs = NOW.getTime();
const at = (ms: number) => {
  clockMs = ms;
  overrideDeps({ clock: { now: () => new Date(clockMs) } });
};

/** Distinct CJK ideographs from U+4E00 on: consecutive slices have no bigram in common, so every one is a term. */
let next = 0x4e00;
const ideographs = (n: number) => String.fromCodePoint(...Array.from({ length: n }, () => next++));

const base = demandForm();
const biggest = () => ({
  ...base,
  title: ideographs(100),
  difficulties: ideographs(2000),
  indicators: Array.from({ length: 20 }, () => ({ name: ideographs(50), target: ideographs(200) })),
});

async function publish(p: { admin: Person; province: Person; ministry: Person }, form: Record<string, unknown>) {
  const created = await invoke(createH, { method: 'POST', token: p.admin.token, body: form });
  expectWith(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  const submitted = await invoke(submitH, {
    method: 'POST',
    token: p.admin.token,
    params: { id },
    body: { channel: 'province' },
  });
  expectWith(submitted.status, submitted.text).toBe(200);
  const forwarded = await invoke(decideH, {
    method: 'POST',
    token: p.province.token,
    params: { id },
    body: { decision: 'forward', comment: '同意转报' },
  });
  expectWith(forwarded.status, forwarded.text).toBe(200);
  const spy = spyOnStore();
  const started = Date.now();
  const published = await invoke(decideH, {
    method: 'POST',
    token: p.ministry.token,
    params: { id },
    body: { decision: 'publish' },
  });
  const ms = Date.now() - started;
  const commands = spy.commands();
  spy.restore();
  expectWith(published.status, published.text).toBe(200);
  return { demand: published.body as Demand, ms, commands };
}

const people = () => ({ admin: w.people.issuerAdmin, province: w.people.issuerProvince, ministry: w.people.ministry });

const found = async (q: string): Promise<string[]> => {
  const res = await invoke(catalogueH, { query: { q, limit: '50' } });
  expectWith(res.status, `${q}: ${res.text}`).toBe(200);
  return res.body.items.map((i: { id: string }) => i.id);
};

/** Some words of every text of the demand: its start, middle and end, and the whole of each short field. */
function wordsOf(d: Pick<Demand, 'title' | 'difficulties' | 'indicators'>): string[] {
  const pick = (t: string) => [t.slice(0, 4), t.slice(t.length / 2, t.length / 2 + 3), t.slice(-2)];
  return [
    ...pick(d.title),
    ...pick(d.difficulties),
    ...d.indicators.flatMap((i) => [...pick(i.name), ...pick(i.target)]),
  ];
}

/** How many of the demand's postings are stored (BatchGetItem, 100 keys a request). */
const postingCount = async (d: Demand) => {
  const all = indexTerms(d).map((term): Record<string, unknown> => ({
    ...keys.searchPosting(term, d.publishedAt!, d.id),
  }));
  let n = 0;
  for (let i = 0; i < all.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [deps().store.table]: { Keys: all.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await deps().store.doc.send(new BatchGetCommand({ RequestItems: request }));
      n += out.Responses?.[deps().store.table]?.length ?? 0;
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return n;
};

const job = async (id: string) =>
  (await deps().store.doc.send(new GetCommand({ TableName: deps().store.table, Key: keys.indexJob(id) }))).Item;

beforeAll(async () => {
  w = await makeWorld();
}, 60_000);
beforeEach(() => at(NOW.getTime()));
afterEach(() => overrideDeps({ clock: systemClock }));

describe('publishing a demand with every text at its maximum size', () => {
  let d: Demand;

  it('answers within the request budget: no posting is written in the request, one indexing job is', async () => {
    const { demand, ms, commands } = await publish(people(), biggest());
    d = demand;
    expect(indexTerms(d).length).toBe(7_058); // 99 + 1,999 + 20 × (49 + 199): every bigram distinct
    expectWith(commands, 'commands of the publish request').not.toContain('BatchWriteCommand');
    console.info(`publish of a ${indexTerms(d).length}-bigram demand: ${ms} ms, ${commands.length} store commands`);
    expect(ms).toBeLessThan(3_000);
    expect(await job(d.id)).toMatchObject({ demandId: d.id, GSI2PK: keys.indexOutboxPartition });
    // Until the indexer ran, the catalogue lists it, the keyword search does not yet.
    expect(await found(d.indicators.at(-1)!.target.slice(-4))).not.toContain(d.id);
  }, 60_000);

  it('after the indexer ran, every word is findable, including those of the last indicator', async () => {
    const started = Date.now();
    const report = await runIndexerNow(new Date(clockMs));
    console.info(`indexer: ${report.postings} postings in ${Date.now() - started} ms`);
    expect(report).toMatchObject({ indexed: 1, retried: 0, postings: indexTerms(d).length });
    expect(await job(d.id)).toBeUndefined();
    for (const word of wordsOf(d)) expectWith(await found(word), word).toContain(d.id);
    expect(await postingCount(d)).toBe(indexTerms(d).length);
  }, 300_000);

  it('a second indexer run finds nothing to do and writes nothing', async () => {
    const spy = spyOnStore();
    const report = await runIndexerNow(new Date(clockMs + 60_000));
    const commands = spy.commands();
    spy.restore();
    expect(report).toEqual({ examined: 0, indexed: 0, retried: 0, skipped: 0, postings: 0 });
    expect(commands).toEqual(['QueryCommand']);
  });
});

describe('crashes and failures', () => {
  const small = (title: string) => ({
    ...base,
    title,
    difficulties: `${title}的关键技术难点`,
    indicators: base.indicators,
  });

  it('a run that died holding a job leaves it to come back when the lease ends; then all postings are there', async () => {
    const { demand } = await publish(people(), small('主轴轴承寿命加速试验平台'));
    const index = new DynamoSearchIndex(deps().store);
    const now = new Date(clockMs);
    // A run claims the job, writes part of the postings and dies (no retry, no delete).
    const [entry] = (await index.due(now, 25)).filter((e) => e.job.demandId === demand.id);
    expect(await index.claim(entry!, 'dead-run', new Date(now.getTime() + INDEXER_DEFAULTS.leaseMs))).toBe(true);
    await expect(
      index.writePostings(demand, {
        concurrency: 1,
        afterBatch: () => {
          throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    expect(await job(demand.id)).toMatchObject({ leaseId: 'dead-run' });
    // Within the lease nobody takes it over.
    expect(await runIndexerNow(new Date(now.getTime() + 60_000))).toMatchObject({ examined: 0 });
    // After it, the next run does it whole.
    const report = await runIndexerNow(new Date(now.getTime() + INDEXER_DEFAULTS.leaseMs + 1));
    expect(report).toMatchObject({ indexed: 1, postings: indexTerms(demand).length });
    expect(await found('加速试验')).toContain(demand.id);
    expect(await postingCount(demand)).toBe(indexTerms(demand).length);
    expect(await job(demand.id)).toBeUndefined();
  });

  it('a failing job is retried with backoff, then succeeds', async () => {
    const { demand } = await publish(people(), small('高速电主轴动平衡在线检测'));
    const now = new Date(clockMs);
    const failing = await runIndexerNow(now, deps(), {
      postings: {
        afterBatch: () => {
          throw new Error('store unavailable');
        },
      },
    });
    expect(failing).toMatchObject({ examined: 1, retried: 1, indexed: 0 });
    expect(await job(demand.id)).toMatchObject({ attempts: 1, lastError: 'store unavailable' });
    // Not due again before the backoff…
    expect(await runIndexerNow(new Date(now.getTime() + INDEXER_DEFAULTS.baseDelayMs - 1_000))).toMatchObject({
      examined: 0,
    });
    // …and then done.
    const report = await runIndexerNow(new Date(now.getTime() + INDEXER_DEFAULTS.baseDelayMs + 1));
    expect(report).toMatchObject({ indexed: 1 });
    expect(await found('动平衡')).toContain(demand.id);
    expect(await job(demand.id)).toBeUndefined();
  });
});

describe('rebuild (npm run reindex)', () => {
  it('restores deleted postings of every public demand, and running it twice changes nothing', async () => {
    const { demand } = await publish(people(), {
      ...base,
      title: '精密滚珠丝杠热变形补偿技术攻关',
      difficulties: '丝杠热伸长导致定位误差',
    });
    await runIndexerNow(new Date(clockMs));
    expect(await found('热变形')).toContain(demand.id);
    // Lose every posting of the demand.
    for (const term of indexTerms(demand))
      await deps().store.doc.send(
        new DeleteCommand({
          TableName: deps().store.table,
          Key: keys.searchPosting(term, demand.publishedAt!, demand.id),
        }),
      );
    expect(await found('热变形')).not.toContain(demand.id);

    const publicDemands = async () => {
      const out = await deps().store.doc.send(
        new QueryCommand({
          TableName: deps().store.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.catalogueAll },
          Select: 'COUNT',
        }),
      );
      return out.Count ?? 0;
    };
    const total = await publicDemands();
    const first = await rebuildSearchIndexNow(new Date(clockMs));
    expect(first).toMatchObject({ demands: total, enqueued: total, indexed: { indexed: total, retried: 0 } });
    expect(await found('热变形')).toContain(demand.id);
    expect(await found('定位误差')).toContain(demand.id);
    expect(await postingCount(demand)).toBe(indexTerms(demand).length);

    const second = await rebuildSearchIndexNow(new Date(clockMs + 1_000));
    expect(second).toMatchObject({ demands: total, enqueued: total, indexed: { indexed: total, retried: 0 } });
    expect(await postingCount(demand)).toBe(indexTerms(demand).length);
    // The search answers each demand once (postings are the same items, not duplicates).
    expect((await found('热变形')).filter((id) => id === demand.id)).toHaveLength(1);
    // No job is left behind.
    const jobs = await deps().store.doc.send(
      new QueryCommand({
        TableName: deps().store.table,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.indexOutboxPartition },
      }),
    );
    expect(jobs.Items ?? []).toHaveLength(0);
  }, 300_000);

  it('enqueue only: a job waiting already is kept, not duplicated', async () => {
    const { demand } = await publish(people(), { ...base, title: '工业机器人关节模组国产化' });
    const total = (await rebuildSearchIndexNow(new Date(clockMs), deps(), { enqueueOnly: true })).demands;
    // The published demand's own job was waiting: every other public demand got one.
    const again = await rebuildSearchIndexNow(new Date(clockMs), deps(), { enqueueOnly: true });
    expect(again).toEqual({ demands: total, enqueued: 0 });
    expect(await job(demand.id)).toMatchObject({ demandId: demand.id });
    expect(await runIndexerNow(new Date(clockMs))).toMatchObject({ indexed: total });
    expect(await found('关节模组')).toContain(demand.id);
  });
});
