/** Invoke a Lambda handler in-process with an HTTP API (payload v2) event, as API Gateway would. */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

export type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

export interface InvokeOptions {
  method?: string;
  path?: string;
  body?: unknown;
  /** Raw body string (sent as is, for malformed-input tests). */
  rawBody?: string;
  query?: Record<string, string>;
  params?: Record<string, string>;
  token?: string;
  headers?: Record<string, string>;
  /** The caller's address as API Gateway reports it (`requestContext.http.sourceIp`); a documentation address by default. */
  sourceIp?: string;
}

export interface Answer<T = any> {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: T;
}

/** The HTTP API (payload v2) event of a request. */
function eventOf(o: InvokeOptions): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(o.headers ?? {}) };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  const event = {
    version: '2.0',
    routeKey: `${o.method ?? 'GET'} ${o.path ?? '/'}`,
    rawPath: o.path ?? '/',
    rawQueryString: new URLSearchParams(o.query ?? {}).toString(),
    headers,
    queryStringParameters: o.query,
    pathParameters: o.params,
    body: o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
    isBase64Encoded: false,
    requestContext: {
      requestId: randomUUID(),
      http: { method: o.method ?? 'GET', path: o.path ?? '/', sourceIp: o.sourceIp ?? '192.0.2.1' },
    },
  } as unknown as APIGatewayProxyEventV2;
  return event;
}

type Raw = { statusCode: number; headers?: Record<string, string>; body?: string; isBase64Encoded?: boolean };

export async function invoke<T = any>(handler: Handler, o: InvokeOptions = {}): Promise<Answer<T>> {
  const res = (await handler(eventOf(o))) as Raw;
  const text = res.body ?? '';
  // A file (the .xlsx exports) comes base64-encoded: `text` holds it, there is no JSON body.
  const json = text && !res.isBase64Encoded;
  return { status: res.statusCode, headers: res.headers ?? {}, text, body: json ? JSON.parse(text) : undefined };
}

/** A file answer (exports, PDFs): its bytes decoded from base64 on a 200, the JSON error otherwise. */
export async function invokeFile(handler: Handler, o: InvokeOptions = {}) {
  const res = (await handler(eventOf(o))) as Raw;
  const text = res.body ?? '';
  return {
    status: res.statusCode,
    headers: res.headers ?? {},
    text: res.isBase64Encoded ? '' : text,
    data: res.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.alloc(0),
  };
}

/** POST an action on the object `id` (the route's `{id}`) as the holder of `token`, with `body` if any. */
export function act<T = any>(handler: Handler, token: string | undefined, id: string, body?: unknown) {
  return invoke<T>(handler, { method: 'POST', token, params: { id }, ...(body === undefined ? {} : { body }) });
}
