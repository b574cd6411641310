/** List cursors are signed: only a cursor this API handed out, for the same partition, is accepted. */
import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor } from './cursor';

process.env.STAGE ??= 'local';
process.env.TABLE_NAME ??= 'unit';
process.env.JWT_SECRET ??= 'unit-test-secret-0123456789-abcdefghijklmnop';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

describe('list cursors', () => {
  it('round-trips a start key of the same partition', () => {
    const key = { PK: 'CATALOGUE#ALL', SK: '2026-11-01T02:00:00.000Z#01ARZ3NDEKTSV4RRFFQ69G5FAV' };
    expect(decodeCursor(encodeCursor(key)!, 'CATALOGUE#ALL')).toEqual(key);
    const idx = { PK: 'USER#u', SK: 'PROFILE', GSI1PK: 'ORG#o#MEMBERS', GSI1SK: 'u' };
    expect(decodeCursor(encodeCursor(idx)!, 'ORG#o#MEMBERS', 'GSI1')).toEqual(idx);
    expect(encodeCursor(undefined)).toBeNull();
  });

  it('refuses unsigned, re-signed, altered and foreign-partition cursors with 400 INVALID_CURSOR', () => {
    const good = encodeCursor({ PK: 'CATALOGUE#ALL', SK: 'a' })!;
    const [payload, sig] = good.split('.');
    const bad = [
      b64({ PK: 'CATALOGUE#ALL', SK: '' }),
      `${b64({ PK: 'CATALOGUE#ALL', SK: '' })}.${sig}`,
      `${payload}.${'A'.repeat(22)}`,
      `${payload}x.${sig}`,
      '',
      '.',
      'not a cursor',
    ];
    for (const c of bad) expect(() => decodeCursor(c, 'CATALOGUE#ALL')).toThrow(/分页游标无效/);
    expect(() => decodeCursor(good, 'CATALOGUE#OPEN#ALL')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
