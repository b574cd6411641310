import { describe, expect, it } from '@jest/globals';
import { anchorDigest, canonical, eventHash, GENESIS, verifyChain, type ChainedEvent } from './audit-hash';

function chain(n: number): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const e: ChainedEvent = {
      id: `e${i}`,
      action: 'update',
      actor: { role: 'org_admin', userId: 'u' },
      at: `2026-11-20T02:00:0${i}.000Z`,
      seq: i,
      prevHash: prev,
    };
    e.hash = eventHash(e);
    prev = e.hash;
    out.push(e);
  }
  return out;
}
const headOf = (es: ChainedEvent[]) => ({ length: es.length, hash: es.at(-1)?.hash ?? GENESIS });

describe('canonical form', () => {
  it('does not depend on key order at any depth, drops undefined members', () => {
    expect(canonical({ b: 1, a: { d: [1, 'x'], c: undefined, b: null } })).toBe('{"a":{"b":null,"d":[1,"x"]},"b":1}');
    expect(eventHash({ a: 1, b: { c: 2, d: 3 } })).toBe(eventHash({ b: { d: 3, c: 2 }, a: 1, hash: 'ignored' }));
  });
  it('a change of one character changes the hash', () => {
    expect(eventHash({ comment: '通过' })).not.toBe(eventHash({ comment: '通 过' }));
  });
});

describe('verifyChain', () => {
  it('an intact trail, in any stored order; an empty trail without a head', () => {
    const es = chain(4);
    expect(verifyChain([es[2]!, es[0]!, es[3]!, es[1]!], headOf(es))).toMatchObject({
      ok: true,
      length: 4,
      head: es[3]!.hash,
    });
    expect(verifyChain([], null)).toEqual({ ok: true, length: 0, head: GENESIS, breaks: [] });
  });
  it('the first and the last event altered: each named at its place', () => {
    const es = chain(3);
    es[0]!.action = 'publish';
    es[2]!.comment = 'x';
    expect(verifyChain(es, headOf(es)).breaks.map((b) => [b.seq, b.reason])).toEqual([
      [1, 'altered'],
      [3, 'altered'],
    ]);
  });
  it('the first event removed; two in the middle removed (one break naming the range)', () => {
    const es = chain(5);
    expect(verifyChain(es.slice(1), headOf(es)).breaks.map((b) => [b.seq, b.reason])).toEqual([[1, 'missing']]);
    const gap = verifyChain([es[0]!, es[3]!, es[4]!], headOf(es)).breaks;
    expect(gap).toEqual([
      expect.objectContaining({ seq: 2, reason: 'missing', message: '第 2–3 条记录缺失（下一条是第 4 条）' }),
    ]);
  });
  it('the tail removed (head longer), the head removed, the whole trail removed', () => {
    const es = chain(3);
    expect(verifyChain(es.slice(0, 2), headOf(es)).breaks.map((b) => b.reason)).toEqual(['head_mismatch']);
    expect(verifyChain(es, null).breaks.map((b) => b.reason)).toEqual(['head_mismatch']);
    expect(verifyChain([], headOf(es)).breaks.map((b) => b.reason)).toEqual(['chain_missing']);
    expect(verifyChain([], null, [{ length: 2, hash: es[1]!.hash! }]).breaks.map((b) => b.reason)).toEqual([
      'chain_missing',
    ]);
  });
  it('an anchor the trail no longer holds, and one it does', () => {
    const es = chain(3);
    expect(verifyChain(es, headOf(es), [{ length: 2, hash: es[1]!.hash! }]).ok).toBe(true);
    expect(
      verifyChain(es, headOf(es), [{ length: 2, hash: es[0]!.hash! }]).breaks.map((b) => [b.seq, b.reason]),
    ).toEqual([[2, 'anchor_mismatch']]);
  });
});

describe('anchorDigest', () => {
  it('does not depend on the order of the lines; any line changed changes it', () => {
    const a = { objectPK: 'DEMAND#1', length: 2, hash: 'a' };
    const b = { objectPK: 'APP#2', length: 1, hash: 'b' };
    expect(anchorDigest([a, b])).toBe(anchorDigest([b, a]));
    expect(anchorDigest([a, { ...b, length: 2 }])).not.toBe(anchorDigest([a, b]));
    expect(anchorDigest([a])).not.toBe(anchorDigest([a, b]));
  });
});
