/** The one place that maps results and errors to HTTP responses. */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { ErrorBody } from '@jiebang/shared';
import { AppError, StoreUnavailableError } from './errors';
import { logger } from './logger';
import { RETRYABLE } from '../store/dynamodb';

export type HttpResponse = Exclude<APIGatewayProxyResultV2, string> & { statusCode: number; body: string };

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...BASE_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** Names of DynamoDB errors that mean "the store is unavailable or overloaded right now, try again". */
const TRANSIENT_STORE_ERRORS = new Set([
  ...RETRYABLE, // what the store's client retries once before giving up
  'ResourceNotFoundException', // table missing (e.g. DynamoDB Local restarted in memory)
  'TimeoutError',
  'RequestTimeout',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: string; $metadata?: unknown; cause?: unknown };
  if (TRANSIENT_STORE_ERRORS.has(e.name)) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  if (e.cause instanceof Error && isStoreUnavailable(e.cause)) return true;
  // TransactionCanceledException with a throttling reason is transient too.
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return (
    Array.isArray(reasons) && reasons.some((r) => r.Code === 'ThrottlingError' || r.Code === 'TransactionConflict')
  );
}

/** Turn any thrown value into the error body of api.md. Unknown errors are logged and become a bare 500. */
export function toErrorResponse(err: unknown, requestId: string): HttpResponse {
  let e = err;
  if (!(e instanceof AppError) && isStoreUnavailable(e)) {
    logger.warn('store unavailable', { error: e as Error });
    e = new StoreUnavailableError();
  }
  if (e instanceof AppError) {
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } };
    if (e.status >= 500) logger.warn('request failed', { status: e.status, code: e.code });
    return json(e.status, body, { 'x-request-id': requestId, ...(e.headers ?? {}) });
  }
  logger.error('unhandled error', { error: e as Error });
  const body: ErrorBody = {
    error: { code: 'INTERNAL_ERROR', message: `系统内部错误，请稍后重试（请求编号 ${requestId}）` },
  };
  return json(500, body, { 'x-request-id': requestId });
}
