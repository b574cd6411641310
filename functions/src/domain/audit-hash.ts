/**
 * The tamper-evident audit log's arithmetic (programmes.md §5): each event of an object's trail carries its place
 * (`seq`, from 1), the hash of the event before it (`prevHash`, GENESIS for the first) and its own `hash`: SHA-256
 * over a canonical form of everything else it says. Changing any field of any event, removing one, or reordering
 * them breaks a link that verification names. Pure: no store, no clock.
 */
import { createHash } from 'node:crypto';

/** The `prevHash` of an object's first event, and of the platform chain's first day. */
export const GENESIS = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth and `undefined` members dropped: the same event always gives the
 * same text, whatever order its fields were written or read back in (DynamoDB does not keep attribute order).
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of an event: over all its fields but `hash` itself (so `seq` and `prevHash` are covered). */
export function eventHash(event: Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = event;
  return sha256(canonical(rest));
}

/** An event as verification reads it: whatever was stored, with its chain fields (absent when never chained). */
export interface ChainedEvent {
  id: string;
  seq?: number;
  prevHash?: string;
  hash?: string;
  [field: string]: unknown;
}

/** Where and why a chain does not hold. `seq` is the position the verifier expected (1-based). */
export interface ChainBreak {
  seq: number;
  eventId?: string;
  reason: 'altered' | 'missing' | 'out_of_order' | 'head_mismatch' | 'chain_missing' | 'anchor_mismatch';
  /** In Chinese, for the timeline screen and the command's report. */
  message: string;
}

export interface ChainVerdict {
  ok: boolean;
  length: number;
  /** The hash of the last event (GENESIS for an empty trail). */
  head: string;
  breaks: ChainBreak[];
}

/** The stored head of an object's chain: what the last write said the trail's length and last hash were. */
export interface ChainHead {
  length: number;
  hash: string;
}

/**
 * Verify a trail, oldest first, against the head the writes kept. Finds every break, not only the first: an
 * altered event (its hash no longer matches its content), a removed one (the next event's `prevHash` or `seq`
 * skips), a removed tail (the head is longer or ends elsewhere), a removed whole trail (a head, or `expected`,
 * says there was one), and a trail that no longer holds what the platform chain anchored (`anchored`: the
 * length and last hash of the trail on each day a link of the platform chain covered it).
 */
export function verifyChain(
  stored: readonly ChainedEvent[],
  head: ChainHead | null,
  anchored: readonly ChainHead[] = [],
): ChainVerdict {
  // In chain order: an event's sort key holds the instant its use-case read the clock, which need not be the
  // order in which concurrent changes committed; `seq` is (and the hash covers it).
  const events = [...stored].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const breaks: ChainBreak[] = [];
  let prev = GENESIS;
  let seq = 0;
  for (const e of events) {
    seq++;
    if (e.seq !== seq) {
      const gap = typeof e.seq === 'number' && e.seq > seq;
      breaks.push({
        seq,
        eventId: e.id,
        reason: gap ? 'missing' : 'out_of_order',
        message: gap
          ? `第 ${seq}${e.seq! - 1 > seq ? `–${e.seq! - 1}` : ''} 条记录缺失（下一条是第 ${e.seq} 条）`
          : `第 ${seq} 条记录的序号不对（记为 ${e.seq ?? '无'}）`,
      });
    } else if (e.prevHash !== prev) {
      breaks.push({ seq, eventId: e.id, reason: 'missing', message: `第 ${seq} 条记录之前的记录缺失或被改动` });
    }
    if (e.hash !== eventHash(e)) {
      breaks.push({ seq, eventId: e.id, reason: 'altered', message: `第 ${seq} 条记录的内容被改动过` });
    }
    prev = e.hash ?? '';
    if (typeof e.seq === 'number' && e.seq > seq) seq = e.seq;
  }
  const length = events.length;
  const headHash = length > 0 ? (events[length - 1]!.hash ?? '') : GENESIS;
  const claims = [head, ...anchored].filter((h): h is ChainHead => !!h);
  if (length === 0 && claims.some((c) => c.length > 0)) {
    breaks.push({ seq: 1, reason: 'chain_missing', message: '这个对象的全部记录都已被删除' });
  } else {
    if (head && (head.length !== seq || head.hash !== headHash)) {
      breaks.push({
        seq: Math.max(seq, head.length),
        reason: 'head_mismatch',
        message: `记录应有 ${head.length} 条，现有 ${length} 条：最后的记录缺失或被改动`,
      });
    }
    for (const a of anchored) {
      const at = events.find((e) => e.seq === a.length);
      if (!at || at.hash !== a.hash) {
        breaks.push({
          seq: a.length,
          eventId: at?.id,
          reason: 'anchor_mismatch',
          message: `第 ${a.length} 条记录与平台每日存证不符`,
        });
      }
    }
  }
  if (length > 0 && !head) {
    breaks.push({ seq: length, reason: 'head_mismatch', message: '记录链的链头缺失' });
  }
  return { ok: breaks.length === 0, length, head: headHash, breaks };
}

/** One object's line in a day's anchor of the platform chain. */
export interface AnchorLine {
  objectPK: string;
  length: number;
  hash: string;
}

/** The digest of a day's anchored heads: order-independent (sorted by object), so re-running it gives the same. */
export function anchorDigest(lines: readonly AnchorLine[]): string {
  const sorted = [...lines].sort((a, b) => (a.objectPK < b.objectPK ? -1 : a.objectPK > b.objectPK ? 1 : 0));
  return sha256(canonical(sorted.map((l) => [l.objectPK, l.length, l.hash])));
}

/** A day of the platform chain: that day's digest linked to the previous day's hash. */
export function dayHash(day: { day: string; digest: string; count: number; prevHash: string }): string {
  return sha256(canonical(day));
}
