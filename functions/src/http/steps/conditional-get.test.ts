import { describe, expect, it } from '@jest/globals';
import { applyConditionalGet, etagOf, matches } from './conditional-get';

const step = { step: 'conditionalGet', maxAge: 30 } as const;
const ok = (body: string) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r1' },
  body,
});

describe('conditional GET step', () => {
  it('tags a body with a strong ETag that changes with any byte of it', () => {
    expect(etagOf('{"a":1}')).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    const tag = etagOf('x');
    expect(matches(tag, tag)).toBe(true);
    expect(matches(`"a", ${tag}`, tag)).toBe(true);
    expect(matches(`W/${tag}`, tag)).toBe(true);
    expect(matches('*', tag)).toBe(true);
    expect(matches('"a"', tag)).toBe(false);
    expect(matches(undefined, tag)).toBe(false);
  });

  it('adds ETag and Cache-Control to a 200, answers 304 without body or content type on a match', () => {
    const fresh = applyConditionalGet(step, {}, ok('{"a":1}'));
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers).toMatchObject({ etag: etagOf('{"a":1}'), 'cache-control': 'public, max-age=30' });
    const again = applyConditionalGet(step, { 'if-none-match': etagOf('{"a":1}') }, ok('{"a":1}'));
    expect(again).toEqual({
      statusCode: 304,
      headers: { 'x-request-id': 'r1', etag: etagOf('{"a":1}'), 'cache-control': 'public, max-age=30' },
      body: '',
    });
  });

  it("keeps an ETag the handler set (the data's version) and completes a 304 the handler answered itself", () => {
    const tagged = { ...ok('{"file":"…"}'), headers: { ...ok('').headers, etag: '"v7"' } };
    const fresh = applyConditionalGet({ step: 'conditionalGet', maxAge: 0 }, {}, tagged, 'required');
    expect(fresh.headers).toMatchObject({ etag: '"v7"', 'cache-control': 'private, no-cache' });
    const own304 = {
      statusCode: 304,
      headers: { 'content-type': 'application/json; charset=utf-8', etag: '"v7"' },
      body: 'null',
    };
    expect(applyConditionalGet({ step: 'conditionalGet', maxAge: 0 }, { 'if-none-match': '"v7"' }, own304)).toEqual({
      statusCode: 304,
      headers: { etag: '"v7"', 'cache-control': 'public, no-cache' },
      body: '',
    });
  });

  it('leaves other answers alone', () => {
    const notFound = { statusCode: 404, headers: { 'cache-control': 'no-store' }, body: '{}' };
    expect(applyConditionalGet(step, { 'if-none-match': '*' }, notFound)).toBe(notFound);
  });
});
