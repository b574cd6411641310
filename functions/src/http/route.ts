/**
 * A handler's envelope: request id and logging, body size limit, JSON parsing, schema validation (unknown
 * fields refused by the strict schemas), authentication, and the single error mapping. Business rules live in
 * use-cases, never here.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { setupZod, type SessionUser } from '@jiebang/shared';
import { currentMembership } from '../auth/membership';
import { deps, type Deps } from '../deps';
import { PayloadTooLargeError, RateLimitedError, UnauthorizedError, ValidationError } from './errors';
import { logger } from './logger';
import { json, toErrorResponse, type HttpResponse } from './respond';
import type { RouteSpec } from './spec';

setupZod();

/** Largest request body accepted (bytes). The longest form, the application, stays well under it. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface RequestContext<S extends RouteSpec> {
  body: S['body'] extends z.ZodType ? z.infer<S['body']> : undefined;
  query: S['query'] extends z.ZodType ? z.infer<S['query']> : undefined;
  params: S['params'] extends z.ZodType ? z.infer<S['params']> : undefined;
  user: S['auth'] extends 'required' ? SessionUser : SessionUser | null;
  headers: Record<string, string | undefined>;
  requestId: string;
  now: Date;
  deps: Deps;
}

export interface Result {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Field messages keyed by dotted path; an unknown field is reported at its own path. */
export function fieldsOf(error: z.ZodError, prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fields[base ? `${base}.${k}` : k] ??= '不允许的字段';
    } else {
      fields[base || '(root)'] ??= issue.message;
    }
  }
  return fields;
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(`${what}有误，请检查后重试`, fieldsOf(parsed.error));
  return parsed.data;
}

function readBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ValidationError('请求内容不是有效的 JSON', undefined, 'INVALID_JSON');
  }
}

async function authenticate(
  event: APIGatewayProxyEventV2,
  d: Deps,
  now: Date,
  current: boolean,
): Promise<SessionUser | null> {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedError('登录信息格式不正确，请重新登录');
  const session = await d.tokens.verify(match[1]!, now);
  return current ? currentMembership(session, d.repos.users) : session; // public routes ignore the user
}

/** Wrap a use-case call into a Lambda handler for an HTTP API (payload v2) route. */
export function route<S extends RouteSpec>(spec: S, run: (ctx: RequestContext<S>) => Promise<Result>) {
  deps(); // at cold start: a missing configuration fails the init loudly, not a request later
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const requestId = event.requestContext?.requestId ?? event.headers?.['x-request-id'] ?? 'local';
    logger.appendKeys({ requestId, route: `${spec.method} ${spec.path}` });
    const started = Date.now();
    let response: HttpResponse;
    try {
      const d = deps();
      const now = d.clock.now();
      const user = await authenticate(event, d, now, spec.auth !== 'none');
      if (spec.auth === 'required' && !user) throw new UnauthorizedError();
      const body = spec.body ? parseWith(spec.body, readBody(event) ?? {}, '提交的内容') : readBody(event);
      if (!spec.body && body !== undefined)
        throw new ValidationError('此接口不接受请求内容', { '(root)': '不允许的请求内容' });
      if (spec.rateLimit && user) {
        const wait = await d.repos.rateLimits.hit(user.id, spec.rateLimit.bucket, now, spec.rateLimit.perMinute, 60);
        if (wait !== null) throw new RateLimitedError(wait);
      }
      const ctx = {
        body,
        query: spec.query ? parseWith(spec.query, event.queryStringParameters ?? {}, '查询参数') : undefined,
        params: spec.params ? parseWith(spec.params, event.pathParameters ?? {}, '路径参数') : undefined,
        user,
        headers: event.headers ?? {},
        requestId,
        now,
        deps: d,
      } as RequestContext<S>;
      const result = await run(ctx);
      response = json(result.status ?? 200, result.body, { 'x-request-id': requestId, ...(result.headers ?? {}) });
    } catch (err) {
      response = toErrorResponse(err, requestId);
    }
    logger.info('request', { status: response.statusCode, ms: Date.now() - started });
    logger.removeKeys(['requestId', 'route']);
    return response;
  };
}
