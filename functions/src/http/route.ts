/**
 * A handler's envelope: request id and logging, body size limit, JSON parsing, schema validation (unknown
 * fields refused by the strict schemas), authentication, the steps the route opts into (rate limit, conditional
 * GET), and the single error mapping. Business rules live in use-cases, never here.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { SessionUser } from '@jiebang/shared';
import { setupZod } from '@jiebang/shared/zod-setup';
import type { RouteDefinition } from '@jiebang/shared/routes/define';
import { currentMembership } from '../auth/membership';
import { deps, perStore, type Deps } from '../deps';
import type { Store } from '../store/client';
import { DynamoUserRepository } from '../store/dynamo-users';
import { PayloadTooLargeError, UnauthorizedError, ValidationError } from './errors';
import { logger } from './logger';
import { json, toErrorResponse, type HttpResponse } from './respond';
import { applyConditionalGet } from './steps/conditional-get';
import { runRateLimit } from './steps/rate-limit';

setupZod();

/** Largest request body accepted (bytes). The longest form, the application, stays well under it. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface RequestContext<S extends RouteDefinition, P = undefined> {
  body: S['body'] extends z.ZodType ? z.infer<S['body']> : undefined;
  query: S['query'] extends z.ZodType ? z.infer<S['query']> : undefined;
  params: S['params'] extends z.ZodType ? z.infer<S['params']> : undefined;
  user: S['auth'] extends 'required' ? SessionUser : SessionUser | null;
  headers: Record<string, string | undefined>;
  requestId: string;
  now: Date;
  deps: Deps;
  /** What the handler's `wire` built on the store (its repositories), once per cold start. */
  repos: P;
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

/** The users repository the envelope reads memberships from (routes with `auth` other than `none`). */
const users = perStore((store) => new DynamoUserRepository(store));

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
  return current ? currentMembership(session, users(d)) : session; // public routes ignore the user
}

type Run<S extends RouteDefinition, P> = (ctx: RequestContext<S, P>) => Promise<Result>;

/**
 * Wrap a use-case call into a Lambda handler for an HTTP API (payload v2) route. `wire` builds what the use-case
 * needs on the store — only its own repositories, so the bundle carries no other area's data access.
 */
export function route<S extends RouteDefinition>(spec: S, run: Run<S, undefined>): ReturnType<typeof envelope>;
export function route<S extends RouteDefinition, P>(
  spec: S,
  wire: (store: Store, d: Deps) => P,
  run: Run<S, P>,
): ReturnType<typeof envelope>;
export function route<S extends RouteDefinition, P>(
  spec: S,
  wireOrRun: ((store: Store, d: Deps) => P) | Run<S, undefined>,
  run?: Run<S, P>,
) {
  return run
    ? envelope(spec, perStore(wireOrRun as (store: Store, d: Deps) => P), run)
    : envelope(spec, () => undefined as P, wireOrRun as Run<S, P>);
}

function envelope<S extends RouteDefinition, P>(spec: S, wired: (d: Deps) => P, run: Run<S, P>) {
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
      const query = spec.query ? parseWith(spec.query, event.queryStringParameters ?? {}, '查询参数') : undefined;
      const params = spec.params ? parseWith(spec.params, event.pathParameters ?? {}, '路径参数') : undefined;
      // After validation: a malformed request costs nothing worth limiting, and is not counted.
      for (const step of spec.steps ?? [])
        if (step.step === 'rateLimit') await runRateLimit(step, user, event.requestContext?.http?.sourceIp, d, now);
      const ctx = {
        body,
        query,
        params,
        user,
        headers: event.headers ?? {},
        requestId,
        now,
        deps: d,
        repos: wired(d),
      } as RequestContext<S, P>;
      const result = await run(ctx);
      response = json(result.status ?? spec.status ?? 200, result.body, {
        'x-request-id': requestId,
        ...(result.headers ?? {}),
      });
      for (const step of spec.steps ?? [])
        if (step.step === 'conditionalGet') response = applyConditionalGet(step, ctx.headers, response, spec.auth);
    } catch (err) {
      response = toErrorResponse(err, requestId);
    }
    logger.info('request', { status: response.statusCode, ms: Date.now() - started });
    logger.removeKeys(['requestId', 'route']);
    return response;
  };
}
