import { describe, expect, it } from '@jest/globals';
import { FileCache } from './cache';

const file = (bytes: number) => ({ filename: 'f.xlsx', contentType: 'x', data: Buffer.alloc(bytes) });

describe('FileCache', () => {
  it('keeps at most its count of files, dropping the least recently used', () => {
    const c = new FileCache(2, 1000);
    c.set('a', file(1));
    c.set('b', file(1));
    expect(c.get('a')).toBeDefined(); // a is now the most recently used
    c.set('c', file(1));
    expect([c.get('a'), c.get('b'), c.get('c')].map(Boolean)).toEqual([true, false, true]);
  });

  it('keeps at most its bytes, and never a file larger than all of them', () => {
    const c = new FileCache(10, 100);
    c.set('a', file(60));
    c.set('b', file(30));
    c.set('c', file(30)); // 120 > 100: a goes
    expect([c.get('a'), c.get('b'), c.get('c')].map(Boolean)).toEqual([false, true, true]);
    c.set('huge', file(101));
    expect(c.get('huge')).toBeUndefined();
    expect(c.size).toBe(2);
  });

  it('replaces a key without counting it twice', () => {
    const c = new FileCache(10, 100);
    c.set('a', file(60));
    c.set('a', file(60));
    c.set('b', file(40));
    expect([c.get('a'), c.get('b')].map(Boolean)).toEqual([true, true]);
  });
});
