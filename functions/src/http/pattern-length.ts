/**
 * The longest string an anchored regular expression can match, when it has one: `^\d{6}$` → 6,
 * `^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$` → 13; `undefined` when it is unbounded (`*`, `+`, `{n,}`), unanchored, or
 * uses syntax this small reader does not know (lookarounds, back-references). The OpenAPI document states the
 * result as `maxLength`: a limit the pattern already enforces, written where the linters and clients look for it.
 */
export function patternMaxLength(pattern: string): number | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return undefined;
  const src = pattern.slice(1, -1);
  let i = 0;

  // alternation := sequence ('|' sequence)*
  function alternation(): number {
    let longest = sequence();
    while (src[i] === '|') {
      i++;
      longest = Math.max(longest, sequence());
    }
    return longest;
  }

  // sequence := (atom quantifier?)*
  function sequence(): number {
    let total = 0;
    while (i < src.length && src[i] !== '|' && src[i] !== ')') total += atom() * quantifier();
    return total;
  }

  function atom(): number {
    const c = src[i]!;
    if (c === '(') {
      i++;
      if (src[i] === '?') {
        if (src[i + 1] !== ':') throw new Error('lookaround'); // (?=…), (?!…), (?<…): not read
        i += 2;
      }
      const n = alternation();
      if (src[i] !== ')') throw new Error('unbalanced');
      i++;
      return n;
    }
    if (c === '[') {
      i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      if (src[i] !== ']') throw new Error('unbalanced');
      i++;
      return 1;
    }
    if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined || /[1-9bBk]/.test(e)) throw new Error('unsupported escape');
      if (e === 'u' || e === 'x' || e === 'p' || e === 'P') throw new Error('unsupported escape');
      i += 2;
      return 1;
    }
    if (c === '^' || c === '$' || c === '*' || c === '+' || c === '?' || c === '{') throw new Error('unsupported');
    i++;
    return 1;
  }

  function quantifier(): number {
    const c = src[i];
    if (c === '*' || c === '+') throw new Error('unbounded');
    if (c === '?') {
      i++;
      return 1;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) throw new Error('unsupported');
      if (m[2] !== undefined && m[3] === '') throw new Error('unbounded');
      i += m[0].length;
      return Number(m[3] ?? m[1]);
    }
    return 1;
  }

  try {
    // `^a|b$` anchors only its ends: a top-level alternative is not bounded by both anchors.
    const n = sequence();
    return i === src.length ? n : undefined;
  } catch {
    return undefined;
  }
}
