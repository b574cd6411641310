/** Fuzzing input for the write routes (fast-check): bodies derived from a valid one by every kind of damage. */
import fc from 'fast-check';

/** A nesting chain `levels` deep (arrays and objects alternating). */
function deep(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v]; // a chain, not a tree: the size stays linear
  return v;
}

/** Bodies that are wrong in every way a client or attacker can be, starting from a valid-ish one. */
export function mutations(valid: unknown): fc.Arbitrary<unknown> {
  const junk = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.constant('字'.repeat(300_000)),
    fc.constant('x'.repeat(100_000)),
    fc.constant('\u0000\ud800\u202e😀'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(deep(60)),
    fc.array(fc.anything(), { maxLength: 5 }),
    fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
  );
  const paths: string[][] = [];
  const walk = (v: unknown, p: string[]) => {
    paths.push(p);
    if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...p, k]);
  };
  walk(valid, []);
  const setAt = (obj: unknown, p: string[], value: unknown, remove: boolean): unknown => {
    if (p.length === 0) return remove ? undefined : value;
    const copy: Record<string, unknown> = Array.isArray(obj) ? ([...obj] as never) : { ...(obj as object) };
    const [head, ...rest] = p as [string, ...string[]];
    if (rest.length === 0 && remove) delete copy[head];
    else copy[head] = setAt(copy[head], rest, value, remove);
    return copy;
  };
  const inner = paths.filter((p) => p.length > 0);
  return fc.oneof(
    fc.constant(valid),
    fc.tuple(fc.constantFrom(...paths), junk).map(([p, v]) => setAt(valid, p, v, false)),
    ...(inner.length ? [fc.constantFrom(...inner).map((p) => setAt(valid, p, undefined, true))] : []),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.anything())
      .map(([k, v]) => ({ ...(valid as object), [`x_${k}`]: v })),
    fc.constant(deep(2000)),
    fc.anything(),
  );
}
