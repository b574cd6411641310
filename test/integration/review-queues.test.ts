/**
 * The authorities' queues at scale (issue 18): `GET /v1/review/demands` and `GET /v1/review/applications` with
 * 待审/已审 (`tab`), the province filter (`region`), the field and channel (`field`, `channel`: an application's
 * are its demand's, and `npm run review:backfill` fills them in on older items), the submission day (`since`) and a
 * search (`q`) — pages across
 * the filtered reads without loss or repeat, the counts, the 已审 entry written by the decision's own
 * transaction (two reviewers at once leave one), the matrix of who sees which list, and the refusals.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Demand } from '@jiebang/shared';
import { handler as demandQueueH } from '../../functions/src/handlers/review-demands-list';
import { handler as demandDecideH } from '../../functions/src/handlers/review-demands-decide';
import { handler as appQueueH } from '../../functions/src/handlers/review-applications-list';
import { handler as appDecideH } from '../../functions/src/handlers/review-applications-decide';
import { handler as createApp } from '../../functions/src/handlers/applications-create';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { deps } from '../../functions/src/deps';
import { backfillReviewFacets } from '../../functions/src/store/review-backfill';
import { creditCode, demand } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { applicationInput, attachment, enterprise, publishedDemand, repos, session } from './applications-support';

type Session = Awaited<ReturnType<typeof session>>;
type Line = { id: string; title?: string; decision?: string; region?: string; field?: string };

const FAR = '2099-12-31T17:00:00+08:00';
/** The Beijing day `offset` days from now (YYYY-MM-DD). */
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function queued(over: Partial<Demand>): Promise<Demand> {
  const d = demand({ status: 'forwarded', channel: 'province', applicationDeadline: FAR, ...over });
  d.forwardedAt = d.submittedAt;
  if (!(await repos().demands.createIfAbsent(d))) throw new Error('fixture demand not created');
  return d;
}

const post = (handler: typeof demandDecideH, u: Session, id: string, body: Record<string, string>) =>
  invoke(handler, { method: 'POST', token: u.token, params: { id }, body });
const LARGE = { kind: 'large', size: 'large', employees: 20000, revenue: 5_000_000 } as const;

const demandsOf = (u: Session | undefined, query: Record<string, string> = {}) =>
  invoke(demandQueueH, { token: u?.token, query });

/** Every line of a list, following its cursor (limit 2: pages end inside the filtered reads). */
async function all(u: Session, query: Record<string, string>, handler = demandQueueH): Promise<Line[]> {
  const out: Line[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 30; i++) {
    const res: { status: number; body: { items: Line[]; nextCursor: string | null } } = await invoke(handler, {
      token: u.token,
      query: { limit: '2', ...query, ...(cursor ? { cursor } : {}) },
    });
    expect(res.status).toBe(200);
    out.push(...(res.body.items as Line[]));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return out;
}

describe('demand queues: filters, 待审/已审', () => {
  let ministry: Session;
  let guangdong: Session;
  const made: Demand[] = [];

  beforeAll(async () => {
    ministry = await session(['ministry']);
    guangdong = await session(['province:440000']);
    // Twelve in the ministry's queue over two provinces and two fields, one second apart.
    for (let i = 0; i < 12; i++) {
      const at = new Date(Date.parse('2026-11-01T02:00:00.000Z') + i * 1000).toISOString();
      made.push(
        await queued({
          title: `${i % 3 === 0 ? '高精度电主轴' : '动力电池回收'}攻关需求${i}`,
          region: i % 2 ? '440000' : '330200',
          field: i % 4 < 2 ? 'machine_tools' : 'new_energy_vehicles',
          submittedAt: at,
          createdAt: at,
          updatedAt: at,
        }),
      );
    }
  }, 120_000);

  it('filters by province, field and title, alone and together: every match once, oldest first, counted', async () => {
    const cases: [Record<string, string>, (d: Demand) => boolean][] = [
      [{}, () => true],
      [{ region: '440000' }, (d) => d.region === '440000'],
      [{ field: 'new_energy_vehicles' }, (d) => d.field === 'new_energy_vehicles'],
      [{ q: '电主轴' }, (d) => d.title.includes('电主轴')],
      [
        { region: '330200', field: 'machine_tools', q: '电主轴' },
        (d) => d.region === '330200' && d.field === 'machine_tools' && d.title.includes('电主轴'),
      ],
      [{ region: '650000' }, () => false],
    ];
    for (const [query, keep] of cases) {
      const want = made.filter(keep).map((d) => d.id);
      expect([query, (await all(ministry, query)).map((l) => l.id)]).toEqual([query, want]);
      const first = await demandsOf(ministry, { ...query, limit: '1' });
      expect([query, first.body.counts.total]).toEqual([query, want.length]);
    }
  }, 120_000);

  it('已审 holds what the caller’s authority decided, newest first, with the decision; filters apply there too', async () => {
    const [a, b] = [made[1]!, made[3]!];
    expect((await post(demandDecideH, ministry, a.id, { decision: 'publish' })).status).toBe(200);
    expect((await post(demandDecideH, ministry, b.id, { decision: 'return', comment: '请补充技术指标' })).status).toBe(
      200,
    );
    const done = await demandsOf(ministry, { tab: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.items.map((l: Line) => [l.id, l.decision])).toEqual([
      [b.id, 'return'],
      [a.id, 'publish'],
    ]);
    expect(done.body.counts.total).toBe(2);
    expect((await demandsOf(ministry, { tab: 'done', q: a.title })).body.items.map((l: Line) => l.id)).toEqual([a.id]);
    // Left the queue, and nobody else's 已审 holds them.
    const pending = (await all(ministry, {})).map((l) => l.id);
    expect(pending).not.toContain(a.id);
    expect(pending).not.toContain(b.id);
    expect((await demandsOf(guangdong, { tab: 'done' })).body.items).toEqual([]);
  }, 120_000);

  it('two ministry reviewers deciding at once: one 200, one 409, one 已审 entry', async () => {
    const target = made[5]!;
    const other = await session(['ministry']);
    const answers = await Promise.all(
      [ministry, other].map((u) => post(demandDecideH, u, target.id, { decision: 'publish' })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const done = await all(ministry, { tab: 'done' });
    expect(done.filter((l) => l.id === target.id)).toHaveLength(1);
  }, 120_000);

  it('a province’s forward is in its 已审 and the ministry’s 待审; another province sees neither', async () => {
    const d = demand({ status: 'submitted', region: '440000', applicationDeadline: FAR, title: '省级转报测试需求' });
    await repos().demands.createIfAbsent(d);
    const mine = await demandsOf(guangdong, { q: '省级转报' });
    expect(mine.body.items.map((l: Line) => l.id)).toEqual([d.id]);
    const res = await post(demandDecideH, guangdong, d.id, { decision: 'forward' });
    expect(res.status).toBe(200);
    expect((await demandsOf(guangdong, { tab: 'done' })).body.items.map((l: Line) => [l.id, l.decision])).toEqual([
      [d.id, 'forward'],
    ]);
    expect((await demandsOf(ministry, { q: '省级转报' })).body.items.map((l: Line) => l.id)).toEqual([d.id]);
    const zhejiang = await session(['province:330000']);
    for (const tab of ['pending', 'done']) expect((await demandsOf(zhejiang, { tab })).body.items).toEqual([]);
  }, 120_000);

  it('refuses: 401 without a session, 403 to enterprises and users without an authority, 400 on bad parameters', async () => {
    expect((await demandsOf(undefined)).status).toBe(401);
    const sme = await enterprise();
    for (const u of [sme.admin, await session()]) {
      for (const tab of ['pending', 'done']) expect((await demandsOf(u as Session, { tab })).status).toBe(403);
    }
    for (const query of <Record<string, string>[]>[
      { tab: 'all' },
      { region: '44' },
      { field: 'nope' },
      { q: '' },
      { q: 'x'.repeat(41) },
      { x: '1' },
    ]) {
      const res = await demandsOf(ministry, query);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });
});

describe('the ministry’s demand queue by channel and submission day', () => {
  let ministry: Session;
  const MARK = '渠道筛选测试';
  // Beijing 11-10 23:59:59 and 11-11 00:00:00, each through both channels.
  const LATE = '2026-11-10T15:59:59.000Z';
  const NEXT_DAY = '2026-11-10T16:00:00.000Z';
  const made: Demand[] = [];

  beforeAll(async () => {
    ministry = await session(['ministry']);
    for (const [i, [channel, at]] of (
      [
        ['province', LATE],
        ['ministry', LATE],
        ['province', NEXT_DAY],
        ['ministry', NEXT_DAY],
      ] as const
    ).entries()) {
      const over = { title: `${MARK}${i}`, submittedAt: at, createdAt: at, updatedAt: at };
      if (channel === 'province') made.push(await queued(over));
      else {
        const d = demand({ ...over, status: 'submitted', channel: 'ministry', applicationDeadline: FAR });
        await repos().demands.createIfAbsent(d);
        made.push(d);
      }
    }
  }, 120_000);

  it('keeps one channel, a day onwards (the Beijing day’s first second included), or both; counted', async () => {
    const cases: [Record<string, string>, number[]][] = [
      [{}, [0, 1, 2, 3]],
      [{ channel: 'province' }, [0, 2]],
      [{ channel: 'ministry' }, [1, 3]],
      [{ since: '2026-11-11' }, [2, 3]],
      [{ since: '2026-11-10' }, [0, 1, 2, 3]],
      [{ since: '2026-11-12' }, []],
      [{ channel: 'ministry', since: '2026-11-11' }, [3]],
    ];
    for (const [filter, want] of cases) {
      const query = { ...filter, q: MARK };
      expect([filter, (await all(ministry, query)).map((l) => l.id)]).toEqual([filter, want.map((i) => made[i]!.id)]);
      const first = await demandsOf(ministry, { ...query, limit: '1' });
      expect([filter, first.body.counts.total]).toEqual([filter, want.length]);
    }
  }, 120_000);

  it('applies to 已审 too, and refuses an unknown channel or a malformed day in Chinese', async () => {
    expect((await post(demandDecideH, ministry, made[3]!.id, { decision: 'publish' })).status).toBe(200);
    const done = (channel: string) => all(ministry, { tab: 'done', q: MARK, channel, since: '2026-11-11' });
    expect((await done('ministry')).map((l) => [l.id, l.decision])).toEqual([[made[3]!.id, 'publish']]);
    expect(await done('province')).toEqual([]);
    for (const query of <Record<string, string>[]>[
      { channel: 'direct' },
      { since: '2026-13-01' },
      { since: '2026-11-1' },
      { since: '2026-11-11T00:00:00Z' },
    ]) {
      const res = await demandsOf(ministry, query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(JSON.stringify(res.body)).toMatch(/报送渠道|日期格式/);
    }
  }, 120_000);
});

describe('application queues: 待审/已审, region, submission day and search', () => {
  it('filters the province’s queue, moves a decided one to 已审 (one entry when two decide at once)', async () => {
    const issuer = await enterprise({ ...LARGE, name: '队列重工集团有限公司' });
    const dem = await publishedDemand(issuer.org, { title: '队列测试需求' });
    const ningbo = await session(['province:330200']);
    const ids: string[] = [];
    for (const name of ['甬江精密科技有限公司', '北仑新材料有限公司']) {
      const sme = await enterprise({
        name,
        region: '330203',
        authorityRegion: '330200',
        creditCode: creditCode('330203'),
      });
      const body = applicationInput({ attachments: [await attachment(sme.org.id)] });
      const app = await invoke(createApp, { method: 'POST', token: sme.admin.token, params: { id: dem.id }, body });
      expect(
        (await invoke(submitApp, { method: 'POST', token: sme.admin.token, params: { id: app.body.id } })).status,
      ).toBe(200);
      ids.push(app.body.id);
    }
    expect((await all(ningbo, {}, appQueueH)).map((l) => l.id)).toEqual(ids);
    expect((await all(ningbo, { q: '北仑' }, appQueueH)).map((l) => l.id)).toEqual([ids[1]]);
    expect((await all(ningbo, { q: '队列测试' }, appQueueH)).map((l) => l.id)).toEqual(ids);
    expect((await all(ningbo, { region: '440300' }, appQueueH)).map((l) => l.id)).toEqual([]);
    // The submission day (Beijing), as on the demand queue: today keeps both, tomorrow none.
    expect((await all(ningbo, { since: day(0) }, appQueueH)).map((l) => l.id)).toEqual(ids);
    expect(await all(ningbo, { since: day(1) }, appQueueH)).toEqual([]);
    const badDay = await invoke(appQueueH, { token: ningbo.token, query: { since: '2026-11-1' } });
    expect(badDay.status).toBe(400);
    expect(JSON.stringify(badDay.body)).toMatch(/日期格式/);

    const colleague = await session(['province:330200']);
    const answers = await Promise.all(
      [ningbo, colleague].map((u) => post(appDecideH, u, ids[0]!, { decision: 'forward' })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const done = await all(ningbo, { tab: 'done' }, appQueueH);
    expect(done.map((l) => [l.id, l.decision])).toEqual([[ids[0], 'forward']]);
    expect((await all(ningbo, { tab: 'done', since: day(0) }, appQueueH)).map((l) => l.id)).toEqual([ids[0]]);
    expect(await all(ningbo, { tab: 'done', since: day(1) }, appQueueH)).toEqual([]);
    expect((await all(ningbo, {}, appQueueH)).map((l) => l.id)).toEqual([ids[1]]);
    // The ministry's 待审 now has it; its 已审 is empty; another province sees none of it; an SME is refused.
    const ministry = await session(['ministry']);
    expect((await all(ministry, { q: '甬江' }, appQueueH)).map((l) => l.id)).toEqual([ids[0]]);
    expect(await all(ministry, { tab: 'done' }, appQueueH)).toEqual([]);
    const guangdong = await session(['province:440000']);
    for (const tab of ['pending', 'done']) expect(await all(guangdong, { tab }, appQueueH)).toEqual([]);
    expect((await invoke(appQueueH, { token: issuer.admin.token, query: { tab: 'done' } })).status).toBe(403);
  }, 180_000);
});

describe('application queues by the demand’s field and channel; the backfill of older items', () => {
  const MARK = '领域渠道申请';
  const DEMANDS = [
    ['甲', 'machine_tools', 'province'],
    ['乙', 'new_energy_vehicles', 'ministry'],
    ['丙', 'machine_tools', 'ministry'],
  ] as const;
  let shenzhen: Session;
  let ministry: Session;
  /** Applications in submission order: SME i to demand j is apps[3 * i + j]. */
  const apps: { id: string; field: string; channel: string }[] = [];
  const ids = (keep: (a: (typeof apps)[number]) => boolean) => apps.filter(keep).map((a) => a.id);
  const lines = async (u: Session, query: Record<string, string>) =>
    (await all(u, { q: MARK, ...query }, appQueueH)).map((l) => l.id);

  beforeAll(async () => {
    shenzhen = await session(['province:440300']);
    ministry = await session(['ministry']);
    const issuer = await enterprise({ ...LARGE, name: '领域渠道发榜集团有限公司' });
    const demands = [];
    for (const [name, field, channel] of DEMANDS) {
      demands.push(await publishedDemand(issuer.org, { title: `${MARK}${name}`, field, channel }));
    }
    for (let i = 0; i < 3; i++) {
      const sme = await enterprise({ name: `领域渠道${i}科技有限公司` });
      const body = applicationInput({ attachments: [await attachment(sme.org.id)] });
      for (const d of demands) {
        const app = await invoke(createApp, { method: 'POST', token: sme.admin.token, params: { id: d.id }, body });
        const res = await invoke(submitApp, { method: 'POST', token: sme.admin.token, params: { id: app.body.id } });
        expect(res.status).toBe(200);
        apps.push({ id: app.body.id, field: d.field, channel: d.channel! });
      }
    }
  }, 180_000);

  it('待审: field and channel alone and with region, since and the search, across pages; the lines carry them', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{}, ids(() => true)],
      [{ field: 'machine_tools' }, ids((a) => a.field === 'machine_tools')],
      [{ channel: 'ministry' }, ids((a) => a.channel === 'ministry')],
      [
        { field: 'machine_tools', channel: 'ministry' },
        ids((a) => a.field === 'machine_tools' && a.channel === 'ministry'),
      ],
      [
        { field: 'new_energy_vehicles', region: '440300', since: day(0) },
        ids((a) => a.field === 'new_energy_vehicles'),
      ],
      [{ field: 'machine_tools', since: day(1) }, []],
      [{ channel: 'province', region: '330200' }, []],
      [{ channel: 'province', q: '领域渠道1科技' }, [apps[3]!.id]],
    ];
    for (const [query, want] of cases) expect([query, await lines(shenzhen, query)]).toEqual([query, want]);
    const first = await invoke(appQueueH, { token: shenzhen.token, query: { q: `${MARK}乙`, limit: '1' } });
    expect(first.body.items[0]).toMatchObject({ demandField: 'new_energy_vehicles', demandChannel: 'ministry' });
  }, 120_000);

  it('已审 and the ministry’s 待审 and 已审 filter the same way', async () => {
    const decide = async (u: Session, i: number, decision: string) =>
      expect(
        (
          await post(
            appDecideH,
            u,
            apps[i]!.id,
            decision === 'return' ? { decision, comment: '请补充材料' } : { decision },
          )
        ).status,
      ).toBe(200);
    for (const i of [0, 1, 2]) await decide(shenzhen, i, 'forward');
    await decide(shenzhen, 5, 'return');
    const done = (query: Record<string, string>) => lines(shenzhen, { tab: 'done', ...query });
    const at = (...is: number[]) => is.map((i) => apps[i]!.id);
    expect(await done({ field: 'machine_tools' })).toEqual(at(5, 2, 0));
    expect(await done({ channel: 'ministry' })).toEqual(at(5, 2, 1));
    expect(await done({ field: 'machine_tools', channel: 'province' })).toEqual(at(0));
    expect(await done({ channel: 'ministry', q: '领域渠道1科技' })).toEqual(at(5));
    expect(await done({ field: 'new_energy_vehicles', since: day(1) })).toEqual([]);
    expect(await lines(shenzhen, { field: 'machine_tools' })).toEqual(at(3, 6, 8));

    expect(await lines(ministry, {})).toEqual(at(0, 1, 2));
    expect(await lines(ministry, { field: 'new_energy_vehicles' })).toEqual(at(1));
    expect(await lines(ministry, { channel: 'province', region: '440300' })).toEqual(at(0));
    await decide(ministry, 1, 'release');
    expect(await lines(ministry, { tab: 'done', channel: 'ministry' })).toEqual(at(1));
    expect(await lines(ministry, { tab: 'done', field: 'machine_tools' })).toEqual([]);
    expect(await lines(ministry, { channel: 'ministry' })).toEqual(at(2));
  }, 120_000);

  it('refuses an unknown field or channel on both tabs, in Chinese', async () => {
    for (const tab of ['pending', 'done']) {
      for (const [query, message] of [
        [{ field: 'nope' }, /未知的领域/],
        [{ channel: 'direct' }, /报送渠道只能为/],
        [{ field: '' }, /未知的领域/],
      ] as const) {
        const res = await invoke(appQueueH, { token: shenzhen.token, query: { tab, ...query } });
        expect([tab, query, res.status]).toEqual([tab, query, 400]);
        expect(JSON.stringify(res.body)).toMatch(message);
      }
    }
  });

  it('review:backfill fills in items written before they carried field and channel; a second run changes nothing', async () => {
    const views: Record<string, string>[] = [
      { field: 'machine_tools' },
      { channel: 'ministry' },
      { tab: 'done', field: 'machine_tools' },
      { tab: 'done', channel: 'ministry' },
    ];
    const snapshot = async () => ({
      province: await Promise.all(views.map((v) => lines(shenzhen, v))),
      ministry: await Promise.all(views.map((v) => lines(ministry, v))),
    });
    const before = await snapshot();
    // As an older deploy wrote them: every application of these demands and their 已审 entries without the two.
    const { store } = deps();
    const mine = new Set(apps.map((a) => a.id));
    const scanned = await store.doc.send(
      new ScanCommand({ TableName: store.table, FilterExpression: 'attribute_exists(demandField)' }),
    );
    const stale = (scanned.Items ?? []).filter((i) => mine.has(String(i.id)));
    for (const i of stale) {
      await store.doc.send(
        new UpdateCommand({
          TableName: store.table,
          Key: { PK: i.PK, SK: i.SK },
          UpdateExpression: 'REMOVE demandField, demandChannel',
        }),
      );
    }
    expect((await lines(shenzhen, { field: 'machine_tools' })).length).toBe(0);
    const reviewed = stale.filter((i) => String(i.PK).startsWith('REVIEWED#APP#')).length;
    expect([stale.length - reviewed, reviewed]).toEqual([9, 5]);

    expect(await backfillReviewFacets(store)).toEqual({ applications: 9, reviewed: 5, orphans: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await backfillReviewFacets(store)).toEqual({ applications: 0, reviewed: 0, orphans: 0 });
    expect(await snapshot()).toEqual(before);
  }, 180_000);
});
