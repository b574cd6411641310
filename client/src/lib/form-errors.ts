import type { z } from 'zod';

/** Field messages keyed by dotted path ("team.leader.name"), the first issue of each path — as the API's `fields`. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    out[path] ??= issue.message;
  }
  return out;
}

/** The errors without `path`'s (the field was edited: its message is stale until the next check). */
export function withoutError(errors: FieldErrors, path: string): FieldErrors {
  if (!(path in errors)) return errors;
  const { [path]: _edited, ...rest } = errors;
  return rest;
}

/** The errors under one of `prefixes` ("team" keeps "team", "team.leader.name", …). */
export function errorsUnder(errors: FieldErrors, prefixes: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (prefixes.some((p) => path === p || path.startsWith(`${p}.`))) out[path] = message;
  }
  return out;
}

/** "12" → 12, "" → undefined, "abc" → NaN (the schema then says "应为数字"). */
export function numberOrUndefined(raw: string): number | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  return Number(t);
}

/** Trimmed text, or undefined when blank (optional fields are left out rather than sent empty). */
export function textOrUndefined(raw: string): string | undefined {
  const t = raw.trim();
  return t === '' ? undefined : t;
}
