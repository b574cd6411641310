/**
 * Catalogue filters: every combination of field, region, open and keyword returns exactly the matching
 * published demands, newest first, in at most two DynamoDB requests per page, and pages through cursors.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { isOpen, type Demand } from '@jiebang/shared';
import { handler as listHandler } from '../../functions/src/handlers/catalogue-list';
import { deps, overrideDeps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { systemClock } from '../../functions/src/clock';
import { matches, parseSearchQuery } from '../../functions/src/domain/search-terms';
import { demand } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { spyOnStore } from '../support/store-spy';

const NOW = new Date('2026-11-20T02:00:00.000Z');
const FIELDS = ['machine_tools', 'new_materials', 'biomedicine'] as const;
const REGIONS = ['440300', '440000', '330200'] as const;
const TITLES = [
  '高速电主轴国产化研制',
  '固态电池界面稳定性',
  '耐磨钢板焊接工艺',
  '抗体药物连续纯化工艺',
  '船用低速柴油机曲轴',
];

// 36 published demands spread over fields, regions, open/closed; 2 withdrawn; unpublished ones never show.
const all: Demand[] = Array.from({ length: 36 }, (_, i) =>
  demand({
    title: `${TITLES[i % TITLES.length]}（第${i + 1}号）`,
    field: FIELDS[i % 3]!,
    region: REGIONS[Math.floor(i / 3) % 3]!,
    publishedAt: new Date(Date.UTC(2026, 9, 1, i)).toISOString(),
    applicationDeadline: i % 4 === 0 ? '2026-11-01T17:00:00+08:00' : '2027-03-31T17:00:00+08:00',
    ...(i % 17 === 5
      ? { status: 'withdrawn' as const, withdrawnAt: '2026-11-10T00:00:00.000Z', withdrawReason: '技术路线调整' }
      : {}),
  }),
);
const hidden = [
  demand({
    status: 'submitted',
    publishedAt: undefined,
    title: '未发布的高速电主轴需求',
    field: 'machine_tools',
    region: '440300',
  }),
];

beforeAll(async () => {
  for (const d of [...all, ...hidden]) expect(await repositories(deps().store).demands.createIfAbsent(d)).toBe(true);
  overrideDeps({ clock: { now: () => NOW } });
}, 60_000);
afterEach(() => overrideDeps({ clock: { now: () => NOW } }));

const openNow = (d: Demand) => d.status === 'published' && isOpen(d.applicationDeadline, NOW);

async function pages(query: Record<string, string>, limit = 5) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let maxRequests = 0;
  for (let n = 0; n < 40; n++) {
    const spy = spyOnStore();
    const res: Awaited<ReturnType<typeof invoke<any>>> = await invoke(listHandler, {
      query: { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) },
    });
    maxRequests = Math.max(maxRequests, spy.commands().length);
    spy.restore();
    expectWith(res.status, res.text).toBe(200);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return { ids, maxRequests };
}

const byPublishedDesc = (a: Demand, b: Demand) => Date.parse(b.publishedAt!) - Date.parse(a.publishedAt!);

describe('GET /v1/catalogue filters', () => {
  it('every field × region × open combination: exactly the matching demands, newest first, ≤ 2 requests a page', async () => {
    for (const field of [undefined, ...FIELDS])
      for (const region of [undefined, ...REGIONS])
        for (const open of [undefined, '1', '0'] as const) {
          const q = { ...(field ? { field } : {}), ...(region ? { region } : {}), ...(open ? { open } : {}) };
          const want = all
            .filter((d) => (!field || d.field === field) && (!region || d.region === region))
            .filter((d) => (open === undefined ? true : open === '1' ? openNow(d) : !openNow(d)));
          const got = await pages(q);
          expectWith(got.maxRequests, JSON.stringify(q)).toBeLessThanOrEqual(open === '1' ? 2 : 1);
          if (open === '0') {
            // Closed demands come most recently closed first.
            expectWith(new Set(got.ids), JSON.stringify(q)).toEqual(new Set(want.map((d) => d.id)));
          } else {
            expectWith(got.ids, JSON.stringify(q)).toEqual(want.sort(byPublishedDesc).map((d) => d.id));
          }
        }
  });

  it('keyword search finds substrings in title, difficulties and indicators, with any filter, in 2 requests a page', async () => {
    const queries: { q: string; field?: string; region?: string; open?: string }[] = [
      { q: '电主轴' },
      { q: '主轴 国产化' },
      { q: '纯化', open: '1' },
      { q: '焊接', region: '440000' },
      { q: '定位精度', field: 'machine_tools' },
      { q: '插补' },
      { q: '不存在的词组' },
    ];
    for (const query of queries) {
      const parsed = parseSearchQuery(query.q)!;
      const want = all
        .filter((d) => matches(d, parsed))
        .filter((d) => (!query.field || d.field === query.field) && (!query.region || d.region === query.region))
        .filter((d) => (query.open === '1' ? openNow(d) : true))
        .sort(byPublishedDesc)
        .map((d) => d.id);
      const got = await pages(query as Record<string, string>, 4);
      expectWith(got.ids, JSON.stringify(query)).toEqual(want);
      expectWith(got.maxRequests, JSON.stringify(query)).toBeLessThanOrEqual(2);
      for (const h of hidden) expect(got.ids).not.toContain(h.id);
    }
  });

  it('refuses a one-character keyword, an unknown field, a malformed region and a cursor of another partition', async () => {
    for (const query of [{ q: '钢' }, { field: 'magic' }, { region: '44' }, { open: 'yes' }] as Record<
      string,
      string
    >[]) {
      const res = await invoke(listHandler, { query });
      expectWith(res.status, JSON.stringify(query)).toBe(400);
      expect(JSON.stringify(res.body.error.fields)).toMatch(/[\u4e00-\u9fa5]/);
    }
    const first = await invoke(listHandler, { query: { field: 'machine_tools', limit: '2' } });
    const res = await invoke(listHandler, { query: { field: 'biomedicine', cursor: first.body.nextCursor } });
    expect(res.status).toBe(400);
  });
});

afterAll(() => overrideDeps({ clock: systemClock }));
