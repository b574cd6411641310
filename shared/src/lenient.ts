/**
 * Parse an API response leniently: fields the schema does not know are dropped, not refused. The shared schemas are
 * strict because requests must refuse unknown fields (api.md); but a mini-program version cached on a phone must
 * keep working when a newer server adds a field to a response. Only `unrecognized_keys` issues are forgiven — a
 * missing or malformed field is still an error.
 */
import type * as z from 'zod';

const MAX_ROUNDS = 8;

export function parseLenient<S extends z.ZodType>(schema: S, data: unknown): z.ZodSafeParseResult<z.output<S>> {
  let value = data;
  for (let round = 0; ; round++) {
    const result = schema.safeParse(value);
    if (result.success || round >= MAX_ROUNDS) return result;
    const extra = result.error.issues.filter((i) => i.code === 'unrecognized_keys');
    // Anything else wrong, or nothing left to drop: the body breaks the contract.
    if (extra.length === 0 || extra.length !== result.error.issues.length) return result;
    value = structuredClone(value);
    for (const issue of extra) {
      let target: unknown = value;
      for (const key of issue.path) target = (target as Record<PropertyKey, unknown>)?.[key as PropertyKey];
      if (target && typeof target === 'object')
        for (const k of (issue as { keys: string[] }).keys) delete (target as Record<string, unknown>)[k];
    }
  }
}
