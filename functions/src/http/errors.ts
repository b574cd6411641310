/**
 * Typed errors. Each carries its HTTP status and a stable code (api.md); `toErrorResponse` in `respond.ts` is
 * the one place that turns them into the error body.
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

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
  constructor(message = '您没有权限进行此操作') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
  constructor(message = '请求的内容不存在') {
    super(message);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, code = 'CONFLICT') {
    super(message);
    this.code = code;
  }
}

/** A business rule of the policy refuses (NOT_SME, AFFILIATED_WITH_ISSUER, DEADLINE_PASSED, SELECTION_LIMIT…). */
export class RuleError extends AppError {
  readonly status = 422;
  constructor(
    readonly code: string,
    message: string,
  ) {
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

/** Upstream (WeChat) failure that is not the caller's fault. */
export class UpstreamError extends AppError {
  readonly status = 502;
  readonly code = 'UPSTREAM_UNAVAILABLE';
  constructor(message = '微信服务暂时不可用，请稍后重试') {
    super(message);
  }
}
