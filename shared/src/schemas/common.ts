/*
 * Every top-level schema of this folder is built inside `/* @__PURE__ *\/ (() => …)()`, and its helpers are
 * marked `/* @__NO_SIDE_EFFECTS__ *\/`: a bundle (a Lambda function, a mini-program page) that does not use a
 * schema drops it instead of building it at load. Building zod schemas is most of a function's init beyond the
 * AWS SDK (measured: 10–30 ms of CPU per function, README "Performance"); a plain `z.object({…}).refine(…)` is a
 * call with side effects as far as esbuild knows, so it would be kept and run in every bundle that imports its
 * module. New schemas here follow the same pattern.
 */
import * as z from 'zod';

/** Error body of every non-2xx answer (api.md "Conventions"). */
export const errorBodySchema = /* @__PURE__ */ (() =>
  z.object({
    error: z.object({
      code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  }))();
export type ErrorBody = z.infer<typeof errorBodySchema>;

/*
 * Strings the server sends, with the limit the OpenAPI document states for them (as maxLength). Each limit is true
 * of every answer, because of where the value comes from — never a guess: a limit a validating proxy would see
 * broken is worse than none.
 */

/**
 * An id the server made: a ULID (26 characters), a user id (`u_` and 22), a code. Never longer than what a path's
 * `{id}` accepts (64), or the object could not be addressed.
 */
export const idOut = z.string().max(64);
/** A name or title stored as its form accepted it: 企业名称 and 需求名称 are the longest, 100 characters. */
export const nameOut = z.string().max(100);
/**
 * An instant the server wrote itself (`Date.prototype.toISOString()` of its clock: created, updated, submitted,
 * decided… at): always 24 characters, "2026-12-02T01:00:00.000Z". Instants a client chose (deadlines) keep
 * `instantSchema`, which bounds neither the offset's form nor the fraction's digits.
 */
export const stampOut = z.iso.datetime({ offset: true }).max(24);
/** A six-digit administrative division code: a registered region or an authority region (province, 兵团…). */
export const regionOut = z.string().regex(/^\d{6}$/);

/** A query's region filter (`?region=`): a 6-digit division code, optional; `message` when it is not one. */
export const regionQuery = /* @__NO_SIDE_EFFECTS__ */ (message = '地区代码应为 6 位数字') =>
  z
    .string()
    .regex(/^\d{6}$/, message)
    .optional();

/** `{ items, nextCursor }` of every list route. */
export const listResponseSchema = /* @__NO_SIDE_EFFECTS__ */ <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** `?limit=&cursor=` of every list route. */
export const listQuerySchema = /* @__PURE__ */ (() =>
  z.object({
    limit: storable(z.coerce.number({ error: '每页条数应为数字' }), '每页条数')
      .int('每页条数应为整数')
      .min(1, '每页至少 1 条')
      .max(50, '每页最多 50 条')
      .default(20),
    cursor: z.string().max(1024, '分页游标过长').optional(),
  }))();
export type ListQuery = z.infer<typeof listQuerySchema>;

/** ISO 8601 instant with offset ("2024-07-12T17:00:00+08:00" or "...Z"). */
export const instantSchema = /* @__PURE__ */ (() =>
  z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601（含时区）' }))();
/** Calendar date "YYYY-MM-DD". */
export const dateSchema = /* @__PURE__ */ (() => z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }))();

export const healthResponseSchema = /* @__PURE__ */ (() => z.object({ ok: z.literal(true) }))();

/*
 * Numbers DynamoDB can store. A DynamoDB number has at most 38 significant digits and a magnitude of 0 or between
 * 1E-130 and 9.99…E+125; anything else is refused by the store ("Number underflow"/"overflow") after the request
 * was accepted — a 500 instead of a field message. JSON cannot carry NaN or Infinity, but a parsed form can.
 */

export type NumberProblem = 'not_finite' | 'too_precise' | 'too_small' | 'too_large';

/** Why DynamoDB cannot store `value` (a number, or its decimal text), or null when it can. */
export function dynamoNumberProblem(value: number | string): NumberProblem | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'not_finite';
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(String(value).trim());
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return 'not_finite';
  const intPart = m[1] ?? '';
  const digits = intPart + (m[2] ?? '');
  const lead = digits.length - digits.replace(/^0+/, '').length;
  const significant = digits.slice(lead).replace(/0+$/, '');
  if (significant === '') return null; // zero
  if (significant.length > 38) return 'too_precise';
  // Decimal exponent of the first significant digit: 1E-130 → -130, 9.9E+125 → 125.
  const exponent = intPart.length - lead - 1 + Number(m[3] ?? 0);
  if (exponent < -130) return 'too_small';
  if (exponent > 125) return 'too_large';
  return null;
}

export const NUMBER_MESSAGES: Record<NumberProblem, (label: string) => string> = {
  not_finite: (label) => `${label}应为有效的数字`,
  too_precise: (label) => `${label}的有效数字不能超过 38 位`,
  too_small: (label) => `${label}过小：非零数值的绝对值不能小于 1E-130（可填 0）`,
  too_large: (label) => `${label}过大：绝对值不能超过 9.99E+125`,
};

/** Add the DynamoDB-number check to a number schema (its own limits stay as they are). */
/* @__NO_SIDE_EFFECTS__ */
export function storable<S extends z.ZodType<number>>(schema: S, label = '数值'): S {
  return schema.superRefine((n, ctx) => {
    const problem = dynamoNumberProblem(n);
    if (problem) ctx.addIssue({ code: 'custom', message: NUMBER_MESSAGES[problem](label), input: n, continue: false });
  });
}

/** `z.number(params)` that DynamoDB can store: use it for every number of the shared schemas. */
export const storableNumber = /* @__NO_SIDE_EFFECTS__ */ (params?: Parameters<typeof z.number>[0], label?: string) =>
  storable(z.number(params), label);

/**
 * An amount in 万元, or 面议 (`negotiable`; then the amount may be left out): a demand's budget, an achievement's
 * price. `what` names it in the messages (预算, 价格) and `amountName` its amount (预算金额, 价格).
 */
export const negotiableAmount = /* @__NO_SIDE_EFFECTS__ */ (what: string, amountName: string) =>
  z
    .strictObject({
      amount: storableNumber({ error: `${what}应为数字（万元）` }, amountName)
        .min(0, `${what}不能为负数`)
        .max(10_000_000, `${amountName}过大`)
        .optional(),
      negotiable: z.boolean({ error: `请说明${what}是否面议` }),
    })
    .refine((b) => b.negotiable || b.amount !== undefined, {
      message: `请填写${amountName}或选择“面议”`,
      path: ['amount'],
    });

/*
 * Free text. Text is normalised (NFC; spaces and invisible characters trimmed at both ends), and refused when it
 * holds only invisible characters, bidirectional controls (which reorder what a reviewer reads: "‮fdp.exe"),
 * other control characters than tab and line breaks, or an unpaired UTF-16 surrogate (not text at all, and
 * rejected or mangled by the other end of every export).
 */

/** Invisible characters trimmed with the spaces: zero-width space/joiners, word joiner and invisible operators, BOM, fillers. */
const INVISIBLE = '\\u200B-\\u200D\\u2060-\\u2064\\uFEFF\\u180E\\u00AD\\u115F\\u1160\\u3164\\uFFA0';
const EDGES = new RegExp(`^[\\s${INVISIBLE}]+|[\\s${INVISIBLE}]+$`, 'g');
/** Bidi controls (LRE…RLO, LRI…PDI, LRM/RLM, ALM) and C0/C1 controls except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export type TextProblem = 'control' | 'surrogate' | 'invisible';

export const TEXT_MESSAGES: Record<TextProblem, (label: string) => string> = {
  control: (label) => `${label}包含不允许的控制字符`,
  surrogate: (label) => `${label}包含无效的字符编码`,
  invisible: (label) => `${label}不能只包含不可见字符`,
};

function hasLoneSurrogate(s: string): boolean {
  // A loop, not a lookbehind regex: older mini-program JavaScript engines cannot parse lookbehind.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return true;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** NFC, and spaces and invisible characters trimmed at both ends. */
export function normalizeText(s: string): string {
  const nfc = typeof s.normalize === 'function' && !hasLoneSurrogate(s) ? s.normalize('NFC') : s;
  return nfc.replace(EDGES, '');
}

/** Why `s` is not acceptable free text, or null. */
export function textProblem(s: string): TextProblem | null {
  if (hasLoneSurrogate(s)) return 'surrogate';
  if (CONTROLS.test(s)) return 'control';
  if (normalizeText(s) === '' && s.trim() !== '') return 'invisible';
  return null;
}

/**
 * A free-text string: checked (see `textProblem`), then normalised, so that the `.min`/`.max` chained after it
 * count what is stored. Use it for every title, name, description and comment of the shared schemas.
 */
export const freeText = /* @__NO_SIDE_EFFECTS__ */ (params?: Parameters<typeof z.string>[0], label = '') =>
  z
    .string(params)
    .superRefine((s, ctx) => {
      const problem = textProblem(s);
      if (problem)
        ctx.addIssue({ code: 'custom', message: TEXT_MESSAGES[problem](label || '内容'), input: s, continue: false });
    })
    .overwrite(normalizeText);

/** The usual form field: `label` in the messages, at most `max` characters, at least `min` (0: optional text). */
export const textField = /* @__NO_SIDE_EFFECTS__ */ (label: string, max: number, min = 0) =>
  freeText({ error: `${label}应为文字` }, label)
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
