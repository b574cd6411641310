/**
 * What the HTTP envelope itself raises: a body too large or not JSON, a request that fails its schema, a missing
 * or invalid token, too many requests, the store unavailable. Each carries its status and a stable code (api.md).
 * Use-cases and repositories throw domain errors (../domain/errors); `toErrorResponse` in `respond.ts` is the one
 * place that turns either into the error body.
 */

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;
  constructor(message: string, fields?: Record<string, string>) {
    super(message);
    this.name = new.target.name;
    if (fields) this.fields = fields;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code: string;
  constructor(message = '提交的内容有误，请检查后重试', fields?: Record<string, string>, code = 'VALIDATION_FAILED') {
    super(message, fields);
    this.code = code;
  }
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = 'UNAUTHORIZED';
  constructor(message = '请先登录') {
    super(message);
  }
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(limitBytes: number) {
    super(`提交的内容过大（上限 ${Math.floor(limitBytes / 1024)} KB）`);
  }
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly code = 'RATE_LIMITED';
  override readonly headers: Record<string, string>;
  constructor(retryAfterSeconds: number) {
    super('操作过于频繁，请稍后再试');
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}

export class StoreUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'STORE_UNAVAILABLE';
  override readonly headers: Record<string, string>;
  constructor(retryAfterSeconds = 5) {
    super('服务暂时繁忙，请稍后重试');
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}
