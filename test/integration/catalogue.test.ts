import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { catalogueDetailSchema, catalogueItemSchema, errorBodySchema, listResponseSchema } from '@jiebang/shared';
import { handler as getHandler } from '../../functions/src/handlers/catalogue-get';
import { handler as listHandler } from '../../functions/src/handlers/catalogue-list';
import { deps, overrideDeps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { systemClock } from '../../functions/src/clock';
import { demand } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { spyOnStore } from '../support/store-spy';

const pageSchema = listResponseSchema(catalogueItemSchema);
const repos = () => repositories(deps().store);

// 25 published demands, one hour apart, newest = index 24; one anonymous; plus unpublished ones.
const published = Array.from({ length: 25 }, (_, i) =>
  demand({
    title: `公开需求第${i + 1}号：高端装备关键部件攻关`,
    publishedAt: new Date(Date.UTC(2026, 9, 1, i)).toISOString(),
    anonymous: i === 7,
    issuerName: i === 7 ? '隐名重工集团有限公司' : '华夏重工集团有限公司',
    contact: { name: i === 7 ? '隐名联系人' : '王工', phone: i === 7 ? '13912345678' : '010-88886666' },
  }),
);
const anonymous = published[7]!;
const unpublished = (['draft', 'submitted', 'returned', 'forwarded', 'rejected'] as const).map((status) =>
  demand({ status, publishedAt: undefined, title: `未发布需求（${status}）示例` }),
);

beforeAll(async () => {
  for (const d of [...published, ...unpublished]) expect(await repos().demands.createIfAbsent(d)).toBe(true);
}, 60_000);
afterEach(() => overrideDeps({ clock: systemClock }));

describe('GET /v1/catalogue', () => {
  it('pages through every published demand, newest first, and nothing else', async () => {
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const res = await invoke(listHandler, { query: { limit: '10', ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      const page = pageSchema.parse(res.body);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([...published].reverse().map((d) => d.id));
    for (const d of unpublished) expect(seen).not.toContain(d.id);
  });

  it('costs exactly one Query per page', async () => {
    const spy = spyOnStore();
    try {
      const res = await invoke(listHandler, { query: { limit: '20' } });
      expect(res.status).toBe(200);
      expect(spy.commands()).toEqual(['QueryCommand']);
    } finally {
      spy.restore();
    }
  });

  it('defaults to 20 items and refuses limits outside 1–50 with a Chinese message', async () => {
    const res = await invoke(listHandler);
    expect(res.body.items).toHaveLength(20);
    for (const limit of ['0', '51', 'abc', '2.5']) {
      const bad = await invoke(listHandler, { query: { limit } });
      expectWith(bad.status, limit).toBe(400);
      expect(errorBodySchema.parse(bad.body).error.fields?.limit).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('refuses a forged cursor and an unknown query parameter', async () => {
    const forged = Buffer.from(JSON.stringify({ PK: 'USER#x', SK: 'PROFILE' })).toString('base64url');
    for (const query of [{ cursor: forged }, { cursor: 'not-base64-json' }, { sort: 'asc' }] as Record<
      string,
      string
    >[]) {
      const res = await invoke(listHandler, { query });
      expect(res.status).toBe(400);
      expect(errorBodySchema.safeParse(res.body).success).toBe(true);
    }
  });

  it('shows `open: false` the second the deadline passes, without any batch job', async () => {
    const d = published[24]!;
    const deadline = Date.parse(d.applicationDeadline);
    overrideDeps({ clock: { now: () => new Date(deadline - 1000) } });
    let res = await invoke(listHandler, { query: { limit: '1' } });
    expect(res.body.items[0]).toMatchObject({ id: d.id, open: true });
    overrideDeps({ clock: { now: () => new Date(deadline) } });
    res = await invoke(listHandler, { query: { limit: '1' } });
    expect(res.body.items[0]).toMatchObject({ id: d.id, open: false });
  });
});

describe('GET /v1/catalogue/{id}', () => {
  it('returns a published demand whole in one GetItem', async () => {
    const d = published[3]!;
    const spy = spyOnStore();
    try {
      const res = await invoke(getHandler, { params: { id: d.id } });
      expect(res.status).toBe(200);
      const detail = catalogueDetailSchema.parse(res.body);
      expect(detail).toMatchObject({
        id: d.id,
        title: d.title,
        issuer: { name: d.issuerName },
        indicators: d.indicators,
        // its 揭榜名单 is that year's (the detail's 查看揭榜名单 opens it)
        campaignYear: d.campaignYear,
      });
      expect(spy.commands()).toEqual(['GetCommand']);
    } finally {
      spy.restore();
    }
  });

  it('answers 404 for unpublished and unknown demands alike', async () => {
    for (const id of [...unpublished.map((d) => d.id), '01JUNKNOWN0000000000000000']) {
      const res = await invoke(getHandler, { params: { id } });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      expect(res.text).not.toContain('未发布需求');
    }
  });

  it('refuses malformed ids with 400', async () => {
    const res = await invoke(getHandler, { params: { id: '../../etc' } });
    expect(res.status).toBe(400);
  });
});

describe('anonymity in every catalogue body', () => {
  it('never contains the anonymous issuer name, credit code, org id or contact', async () => {
    const bodies: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof invoke<any>>> = await invoke(listHandler, {
        query: { limit: '7', ...(cursor ? { cursor } : {}) },
      });
      bodies.push(res.text);
      cursor = res.body.nextCursor;
    } while (cursor);
    for (const d of published) bodies.push((await invoke(getHandler, { params: { id: d.id } })).text);
    bodies.push((await invoke(getHandler, { params: { id: 'nope' } })).text);
    const secrets = [
      anonymous.issuerName,
      anonymous.issuerCreditCode,
      anonymous.issuerOrgId,
      '隐名联系人',
      '13912345678',
    ];
    for (const body of bodies) for (const s of secrets) expect(body).not.toContain(s);
    const detail = (await invoke(getHandler, { params: { id: anonymous.id } })).body;
    expect(detail.issuer).toBeNull();
    expect(detail).not.toHaveProperty('issuerName');
  });
});
