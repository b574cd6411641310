/** OpenAPI 3.1 document generated from the list of all route definitions (shared/src/routes) and their zod schemas. */
import * as z from 'zod';
import type { ConditionalGetStep } from '@jiebang/shared/routes/define';
import { patternMaxLength } from './pattern-length';
import { errorBodySchema } from '@jiebang/shared/schemas/common';
import { allRoutes as routes } from '@jiebang/shared/routes/all';
import type { RouteDefinition as RouteSpec } from '@jiebang/shared/routes/define';

const ERROR_TEXT: Record<number, string> = {
  400: '输入有误',
  401: '未登录或登录已过期',
  403: '无权操作',
  404: '不存在',
  409: '状态冲突或重复',
  413: '请求内容过大',
  422: '业务规则不允许',
  429: '请求过于频繁',
  500: '系统内部错误',
  502: '上游服务（微信）不可用',
  503: '存储暂不可用（见 Retry-After）',
};

const ERROR_TEXT_PUBLIC_401 = '携带的登录令牌格式不正确或已过期（不带 Authorization 即可匿名调用）';

/** Headers of the answers of a route with the conditionalGet step. */
const cachingHeaders = (step: ConditionalGetStep) => ({
  ETag: {
    description: '响应内容的强校验值（内容 SHA-256 的前 32 个 base64url 字符，带引号）',
    schema: { type: 'string', pattern: '^"[A-Za-z0-9_-]{32}"$', maxLength: 34 },
  },
  'Cache-Control': {
    description: '可公开缓存的秒数',
    schema: { type: 'string', const: `public, max-age=${step.maxAge}` },
  },
});

/**
 * Retry-After of a 429 or a 503: whole seconds, at least 1; at most the one-minute window of the rate-limit step
 * (WeChat's own limit asks for 10 s, the store's unavailability for 5 s).
 */
const RETRY_AFTER = {
  'Retry-After': {
    description: '多少秒后再试',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 60 },
  },
};

/**
 * Limits the schemas already enforce, written where the linters look for them: every integer of the API is a
 * JavaScript safe integer (zod's `.int()` bounds it to ±2^53−1 and says so with minimum/maximum), so int64 is its
 * format; a string whose anchored pattern has a longest match (`^\d{6}$`) gets that as its maxLength.
 */
const statedLimits: z.core.JSONSchemaGenerator['override'] = ({ jsonSchema }) => {
  if (jsonSchema.type === 'integer' && jsonSchema.format === undefined) jsonSchema.format = 'int64';
  if (jsonSchema.type === 'string' && jsonSchema.maxLength === undefined && jsonSchema.pattern !== undefined) {
    const max = patternMaxLength(jsonSchema.pattern);
    if (max !== undefined) jsonSchema.maxLength = max;
  }
};
const schemaOf = (s: z.ZodType) =>
  z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', override: statedLimits });
const outSchema = (s: z.ZodType) =>
  z.toJSONSchema(s, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', override: statedLimits });

/**
 * Who may call: a public route says so with an empty requirement (`security: []`); an optional session is the
 * bearer scheme or nothing. Every route reads the Authorization header when one is sent, so a malformed or expired
 * token answers 401 even on a public route.
 */
const SECURITY: Record<RouteSpec['auth'], object[]> = {
  none: [],
  optional: [{ bearer: [] }, {}],
  required: [{ bearer: [] }],
};

const hasStep = (spec: RouteSpec, step: 'rateLimit' | 'conditionalGet') =>
  (spec.steps ?? []).some((s) => s.step === step);
const conditionalStep = (spec: RouteSpec) =>
  (spec.steps ?? []).find((s): s is ConditionalGetStep => s.step === 'conditionalGet');

function parametersOf(spec: RouteSpec) {
  const params: object[] = [];
  if (hasStep(spec, 'conditionalGet'))
    params.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: '上次响应的 ETag：内容未变时返回 304（无响应体）',
      schema: { type: 'string' },
    });
  for (const [where, schema] of [
    ['query', spec.query],
    ['path', spec.params],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      params.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s });
    }
  }
  return params;
}

export function buildOpenApi(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const [operationId, spec] of Object.entries(routes) as [string, RouteSpec][]) {
    const errors = [
      ...new Set([400, 401, ...(spec.errors ?? []), ...(hasStep(spec, 'rateLimit') ? [429] : []), 500, 503]),
    ];
    const conditional = conditionalStep(spec);
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method.toLowerCase()] = {
      operationId,
      summary: spec.summary,
      security: SECURITY[spec.auth],
      parameters: parametersOf(spec),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body) } } } }
        : {}),
      responses: {
        [String(spec.status ?? 200)]: {
          description: 'OK',
          ...(conditional ? { headers: cachingHeaders(conditional) } : {}),
          content: { 'application/json': { schema: outSchema(spec.response) } },
        },
        ...(conditional
          ? { '304': { description: '未修改：If-None-Match 与当前 ETag 一致', headers: cachingHeaders(conditional) } }
          : {}),
        ...Object.fromEntries(
          errors.map((s) => [
            String(s),
            {
              description: s === 401 && spec.auth === 'none' ? ERROR_TEXT_PUBLIC_401 : (ERROR_TEXT[s] ?? 'Error'),
              ...(s === 429 || s === 503 ? { headers: RETRY_AFTER } : {}),
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          ]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '揭榜通 API', version: '1.0.0', description: '大企业"发榜"、中小企业"揭榜" 平台接口（v1）' },
    // Each stage (local, dev, prod) serves this document from its own origin; the API is public (the mini-program
    // and the H5 client call it), hence not internal.
    servers: [{ url: '/', description: '提供本文档的同一环境（local、dev 或 prod）', 'x-internal': false }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          // True of functions/src/auth/tokens.ts: one algorithm accepted (HS256, so never "none"), issuer and
          // audience checked, exp/iat/sub required, and no token older than one session whatever its exp says.
          description:
            '登录令牌（wechat-login 返回）。按 RFC8725 校验：只接受 HS256，校验 iss、aud，必须带 exp、iat、sub，签发超过一个会话时长即失效。',
        },
      },
      schemas: { Error: outSchema(errorBodySchema) },
    },
  };
}
