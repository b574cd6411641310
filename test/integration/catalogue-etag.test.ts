/**
 * Repeat reads of the public catalogue (conditionalGet step): a 200 carries a strong ETag and Cache-Control; the
 * same request with If-None-Match gets 304 with no body; once the resource changes, the old tag gets a fresh 200.
 * The demands here sit in a region no other test uses (540000), so the filtered list is this file's alone.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { catalogueDetailSchema } from '@jiebang/shared';
import { handler as getHandler } from '../../functions/src/handlers/catalogue-get';
import { handler as listHandler } from '../../functions/src/handlers/catalogue-list';
import { handler as openapiHandler } from '../../functions/src/handlers/openapi';
import { deps, overrideDeps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { systemClock } from '../../functions/src/clock';
import { demand } from '../support/fixtures';
import { invoke } from '../support/invoke';

const REGION = '540000';
const first = demand({
  title: '高原型储能电池热管理系统攻关',
  region: REGION,
  publishedAt: '2026-10-01T02:00:00.000Z',
  applicationDeadline: '2027-03-31T17:00:00+08:00',
});
const BEFORE_DEADLINE = new Date('2027-01-01T00:00:00Z');

beforeAll(async () => {
  expect(await repositories(deps().store).demands.createIfAbsent(first)).toBe(true);
});
afterEach(() => overrideDeps({ clock: systemClock }));

const list = (headers: Record<string, string> = {}) =>
  invoke(listHandler, { query: { region: REGION, limit: '10' }, headers });
const detail = (headers: Record<string, string> = {}) => invoke(getHandler, { params: { id: first.id }, headers });

describe('GET /v1/catalogue/{id}: ETag and 304', () => {
  it('answers 200 with a strong ETag and a short public max-age', async () => {
    overrideDeps({ clock: { now: () => BEFORE_DEADLINE } });
    const res = await detail();
    expect(res.status).toBe(200);
    expect(catalogueDetailSchema.parse(res.body).id).toBe(first.id);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    // The same body, the same tag: a hash of the answer, not of the moment.
    expect((await detail()).headers.etag).toBe(res.headers.etag);
  });

  it('answers 304 with no body to a matching If-None-Match (also in a list, or weak)', async () => {
    overrideDeps({ clock: { now: () => BEFORE_DEADLINE } });
    const { headers } = await detail();
    for (const ifNoneMatch of [headers.etag!, `"other", ${headers.etag!}`, `W/${headers.etag!}`]) {
      const again = await detail({ 'if-none-match': ifNoneMatch });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.etag).toBe(headers.etag);
      expect(again.headers['cache-control']).toBe('public, max-age=60');
    }
    expect((await detail({ 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('answers 200 with a new ETag once the demand changed (its deadline passed: no longer open)', async () => {
    overrideDeps({ clock: { now: () => BEFORE_DEADLINE } });
    const before = await detail();
    overrideDeps({ clock: { now: () => new Date('2027-04-01T00:00:00Z') } });
    const after = await detail({ 'if-none-match': before.headers.etag! });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.open).toBe(false);
  });

  it('keeps errors uncached: a 404 has no ETag', async () => {
    const res = await invoke(getHandler, { params: { id: 'NOSUCHDEMAND' }, headers: { 'if-none-match': '*' } });
    expect(res.status).toBe(404);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('GET /v1/catalogue: ETag and 304', () => {
  it('answers 200 with ETag, 304 on a match, and 200 with a new tag once a demand is published', async () => {
    overrideDeps({ clock: { now: () => BEFORE_DEADLINE } });
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toContain(first.id);
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    const tag = res.headers.etag!;
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);

    const again = await list({ 'if-none-match': tag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    const second = demand({
      region: REGION,
      title: '高寒地区光伏组件可靠性提升',
      publishedAt: '2026-10-02T02:00:00.000Z',
    });
    expect(await repositories(deps().store).demands.createIfAbsent(second)).toBe(true);
    const changed = await list({ 'if-none-match': tag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(tag);
    expect(changed.body.items[0].id).toBe(second.id);
  });
});

describe('OpenAPI', () => {
  it('documents If-None-Match, the caching headers and the 304 of the catalogue routes', async () => {
    const doc = (await invoke(openapiHandler)).body;
    for (const path of ['/v1/catalogue', '/v1/catalogue/{id}']) {
      const op = doc.paths[path].get;
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'If-None-Match', in: 'header' }));
      expect(Object.keys(op.responses['200'].headers)).toEqual(['ETag', 'Cache-Control']);
      expect(op.responses['304']).toBeDefined();
    }
    expect(doc.paths['/v1/demands/{id}'].get.responses['304']).toBeUndefined();
    expect(doc.paths['/v1/applications/{id}/submit'].post.responses['429'].headers['Retry-After']).toBeDefined();
  });
});
