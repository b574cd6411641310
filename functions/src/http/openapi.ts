/** OpenAPI 3.1 document generated from the list of all route definitions (shared/src/routes) and their zod schemas. */
import * as z from 'zod';
import { routes, errorBodySchema, type RouteSpec } from './spec';

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

/** Headers of the answers of a route with the conditionalGet step. */
const CACHING_HEADERS = {
  ETag: { description: '响应内容的强校验值（内容的哈希）', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, max-age=<秒>', schema: { type: 'string' } },
};

const schemaOf = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
const outSchema = (s: z.ZodType) =>
  z.toJSONSchema(s, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });

const hasStep = (spec: RouteSpec, step: 'rateLimit' | 'conditionalGet') =>
  (spec.steps ?? []).some((s) => s.step === step);

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
    const errors = [...new Set([400, ...(spec.errors ?? []), ...(hasStep(spec, 'rateLimit') ? [429] : []), 500, 503])];
    const conditional = hasStep(spec, 'conditionalGet');
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method.toLowerCase()] = {
      operationId,
      summary: spec.summary,
      ...(spec.auth !== 'none' ? { security: [{ bearer: [] }] } : {}),
      parameters: parametersOf(spec),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body) } } } }
        : {}),
      responses: {
        [String(spec.status ?? 200)]: {
          description: 'OK',
          ...(conditional ? { headers: CACHING_HEADERS } : {}),
          content: { 'application/json': { schema: outSchema(spec.response) } },
        },
        ...(conditional
          ? { '304': { description: '未修改：If-None-Match 与当前 ETag 一致', headers: CACHING_HEADERS } }
          : {}),
        ...Object.fromEntries(
          errors.map((s) => [
            String(s),
            {
              description: ERROR_TEXT[s] ?? 'Error',
              ...(s === 429 || s === 503 ? { headers: { 'Retry-After': { schema: { type: 'integer' } } } } : {}),
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
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: outSchema(errorBodySchema) },
    },
  };
}
