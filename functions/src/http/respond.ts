/** The one place that maps results and errors to HTTP responses. */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { ErrorBody } from '@jiebang/shared';
import {
  Conflict,
  DomainError,
  Forbidden,
  InvalidInput,
  NotFound,
  RuleViolation,
  Unauthenticated,
  UpstreamUnavailable,
} from '../domain/errors';
import { isStoreUnavailable } from '../store/errors';
import { AppError, StoreUnavailableError } from './errors';
import { logger } from './logger';

export type HttpResponse = Exclude<APIGatewayProxyResultV2, string> & { statusCode: number; body: string };

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...BASE_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** The status of each domain error (api.md). */
const STATUS: [new (...args: never[]) => DomainError, number][] = [
  [InvalidInput, 400],
  [Unauthenticated, 401],
  [Forbidden, 403],
  [NotFound, 404],
  [Conflict, 409],
  [RuleViolation, 422],
  [UpstreamUnavailable, 502],
];

/** The HTTP status of an error a use-case or repository threw. */
export function statusOf(err: DomainError | AppError): number {
  if (err instanceof AppError) return err.status;
  return STATUS.find(([C]) => err instanceof C)?.[1] ?? 500;
}

/** Turn any thrown value into the error body of api.md. Unknown errors are logged and become a bare 500. */
export function toErrorResponse(err: unknown, requestId: string): HttpResponse {
  let e = err;
  if (!(e instanceof AppError || e instanceof DomainError) && isStoreUnavailable(e)) {
    logger.warn('store unavailable', { error: e as Error });
    e = new StoreUnavailableError();
  }
  if (e instanceof AppError || e instanceof DomainError) {
    const status = statusOf(e);
    // A value the store refused: the answer is the input's fault, but the log keeps what the store said.
    if (e instanceof InvalidInput && e.cause) logger.warn('store refused a value', { error: e.cause as Error });
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } };
    if (status >= 500) logger.warn('request failed', { status, code: e.code });
    const headers = e instanceof AppError ? (e.headers ?? {}) : {};
    return json(status, body, { 'x-request-id': requestId, ...headers });
  }
  logger.error('unhandled error', { error: e as Error });
  const body: ErrorBody = {
    error: { code: 'INTERNAL_ERROR', message: `系统内部错误，请稍后重试（请求编号 ${requestId}）` },
  };
  return json(500, body, { 'x-request-id': requestId });
}
