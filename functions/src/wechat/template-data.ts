/**
 * Subscribe-message data that WeChat accepts. Each value's key prefix decides its rule (WeChat documents them
 * per type): `thing` ≤ 20 characters, `phrase` ≤ 5 Chinese characters, `character_string` ≤ 32 printable ASCII,
 * `number` ≤ 32 digits, `name` ≤ 10 (≤ 20 for pure letters), `time` a date and time. A value that breaks its rule
 * makes WeChat refuse the whole message (47003), so values are made safe here, never trusted.
 *
 * Lengths are counted in Unicode code points, the way WeChat counts them; cutting never splits a surrogate pair.
 */
import { formatShanghai } from '@jiebang/shared';

const ELLIPSIS = '…';

/** Cut `s` to at most `max` code points, ending with "…" when something was cut. */
export function truncate(s: string, max: number): string {
  const cps = [...s];
  if (cps.length <= max) return s;
  if (max <= 1) return cps.slice(0, max).join('');
  return cps.slice(0, max - 1).join('') + ELLIPSIS;
}

/** Control characters and line breaks never belong in a message line. */
const clean = (s: string) =>
  s
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** `thing`: ≤ 20 characters, never empty. */
export function thing(s: string, fallback = '无'): string {
  const v = clean(s);
  return v ? truncate(v, 20) : fallback;
}

/** `phrase`: 1–5 Chinese characters only (no ellipsis: it is not a Chinese character). */
export function phrase(s: string, fallback = '有更新'): string {
  const han = [...s].filter((c) => /\p{Script=Han}/u.test(c));
  return han.length ? han.slice(0, 5).join('') : fallback;
}

/** `character_string`: 1–32 printable ASCII characters. */
export function characterString(s: string, fallback = '-'): string {
  const v = s.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
  return v || fallback;
}

/** `number`: digits (optionally signed / decimal), ≤ 32 characters. */
export function numberValue(n: number): string {
  const v = Number.isFinite(n) ? String(Math.trunc(n)) : '0';
  return v.slice(0, 32);
}

/** `name`: ≤ 10 characters when it has Chinese characters, else ≤ 20 letters. */
export function nameValue(s: string, fallback = '用户'): string {
  const v = clean(s);
  if (!v) return fallback;
  const han = /\p{Script=Han}/u;
  // Mixed text counts as Chinese (≤ 10) only while a Chinese character survives the cut.
  if (han.test(v)) {
    const cut = truncate(v, 10);
    if (han.test(cut)) return cut;
  }
  const letters = v.replace(/[^A-Za-z .·'-]/g, '').trim();
  return letters ? letters.slice(0, 20) : fallback;
}

/** `time`: "YYYY-MM-DD HH:mm" in Asia/Shanghai. */
export function timeValue(instant: string): string {
  return formatShanghai(instant);
}

export type TemplateData = Record<string, { value: string }>;

/** Apply the rule of each key's type to an already built data object (a last line of defence). */
export function safeData(data: Record<string, string>): TemplateData {
  const out: TemplateData = {};
  for (const [key, raw] of Object.entries(data)) {
    const type = key.replace(/\d+$/, '');
    const value =
      type === 'thing'
        ? thing(raw)
        : type === 'phrase'
          ? phrase(raw)
          : type === 'character_string'
            ? characterString(raw)
            : type === 'name'
              ? nameValue(raw)
              : type === 'number'
                ? numberValue(Number(raw))
                : raw;
    out[key] = { value };
  }
  return out;
}
