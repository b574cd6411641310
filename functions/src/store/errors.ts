/**
 * What the store's failures mean to a caller. Two kinds matter beyond "a condition did not hold" (./items,
 * ./transact): the store is unavailable right now (throttled, unreachable, too slow: try again — a 503 with
 * Retry-After), and the store cannot take a value (a number out of DynamoDB's range or precision, an item too
 * large: the input's fault — a 400, never a 500).
 */
import { InvalidInput } from '../domain/errors';

/** DynamoDB's and the SDK's names for "unavailable or overloaded right now, try again". */
const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
  // The table is missing (e.g. DynamoDB Local restarted in memory): nothing the caller did.
  'ResourceNotFoundException',
  // The SDK's HTTP handler: no connection or no answer within the deadlines (aws.ts).
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** Node's codes for "no answer at all" (refused, reset, unreachable, DNS). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** A wrapped socket failure keeps only its text: a code, or Node's words for a connection cut or timed out. */
const WRAPPED_TRANSPORT_FAILURE = new RegExp(`${[...NETWORK_CODES].join('|')}|socket hang up|aborted|timed? ?out`, 'i');

type StoreErrorShape = Error & {
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: { Code?: string; Message?: string }[];
};

/**
 * An error-shaped value. Not `instanceof Error`: errors raised by Node's own sockets come from another realm
 * under a test runner's sandbox (and could from a bundled copy of a library), and would be missed.
 */
const isErrorLike = (err: unknown): err is Error =>
  typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string';

/** True when `err` says the store is unavailable or overloaded right now, so the same request may succeed later. */
export function isStoreUnavailable(err: unknown): boolean {
  if (!isErrorLike(err)) return false;
  const e = err as StoreErrorShape;
  if (TRANSIENT_NAMES.has(e.name)) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  // The SDK wraps a thrown value it does not recognise as an Error (a socket error from another realm, as under
  // jest's sandbox) in "AWS SDK error wrapper for Error: connect ECONNREFUSED …": the code survives only as text.
  if (e.message?.startsWith('AWS SDK error wrapper for') && WRAPPED_TRANSPORT_FAILURE.test(e.message)) return true;
  // A 5xx answer of any name (a proxy's error page, a new server-side exception).
  if (e.$fault === 'server' || (e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (isErrorLike(e.cause) && isStoreUnavailable(e.cause)) return true;
  // A transaction cancelled because of throttling or a conflicting transaction in flight.
  return (e.CancellationReasons ?? []).some((r) => r.Code === 'ThrottlingError' || r.Code === 'TransactionConflict');
}

/** The SDK's marshalling refuses numbers JavaScript cannot hand over exactly (NaN, ±Infinity, unsafe integers). */
const UNMARSHALLABLE_NUMBER = /^(Special numeric value|Number .* (greater|lesser) than Number\.M(AX|IN)_SAFE_INTEGER)/;

const NUMBER_MESSAGE = '提交的数值超出了可保存的范围或精度，请检查后重试';
const VALUE_MESSAGE = '提交的内容无法保存（数值超出范围或内容过大），请检查后重试';

/**
 * The domain error for a value the store refused, or null when `err` is something else. DynamoDB answers
 * ValidationException for e.g. "Number underflow" (1e-200), "Number overflow" or more than 38 significant digits,
 * and a cancelled transaction names such an item with the reason ValidationError. The original error is kept as
 * the cause (logged by the HTTP layer): the same exception also reports a malformed request of ours.
 */
export function refusedValue(err: unknown): InvalidInput | null {
  if (!isErrorLike(err)) return null;
  const e = err as StoreErrorShape;
  const texts =
    e.name === 'ValidationException'
      ? [e.message]
      : e.name === 'TransactionCanceledException'
        ? (e.CancellationReasons ?? []).filter((r) => r.Code === 'ValidationError').map((r) => r.Message ?? '')
        : UNMARSHALLABLE_NUMBER.test(e.message)
          ? ['number']
          : [];
  if (texts.length === 0) return null;
  const aboutNumbers = texts.some((t) => /number|numeric|significant digits/i.test(t));
  return new InvalidInput(aboutNumbers ? NUMBER_MESSAGE : VALUE_MESSAGE, undefined, 'VALIDATION_FAILED', {
    cause: err,
  });
}
