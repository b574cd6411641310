/**
 * Domain errors: what use-cases and repositories throw when a request cannot be carried out. Each has a stable
 * code (api.md) and a message in Chinese for the user; none knows about HTTP. `toErrorResponse` in
 * `http/respond.ts` is the one place that gives them a status.
 */

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly fields?: Record<string, string>;
  constructor(message: string, fields?: Record<string, string>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    if (fields) this.fields = fields;
  }
}

/** The input is not acceptable (beyond the request schema): fields say which and why. */
export class InvalidInput extends DomainError {
  readonly code: string;
  constructor(
    message = '提交的内容有误，请检查后重试',
    fields?: Record<string, string>,
    code = 'VALIDATION_FAILED',
    options?: { cause?: unknown },
  ) {
    super(message, fields, options);
    this.code = code;
  }
}

/** The caller is not (or no longer) a known user. */
export class Unauthenticated extends DomainError {
  readonly code = 'UNAUTHORIZED';
  constructor(message = '请先登录') {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = '您没有权限进行此操作') {
    super(message);
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(message = '请求的内容不存在') {
    super(message);
  }
}

/** The object's state forbids the change (stale version, wrong status, duplicate…). */
export class Conflict extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'CONFLICT') {
    super(message);
    this.code = code;
  }
}

/** A business rule of the policy refuses (NOT_SME, AFFILIATED_WITH_ISSUER, DEADLINE_PASSED, SELECTION_LIMIT…). */
export class RuleViolation extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    fields?: Record<string, string>,
  ) {
    super(message, fields);
  }
}

/** A service we depend on (WeChat) failed; not the caller's fault. */
export class UpstreamUnavailable extends DomainError {
  readonly code = 'UPSTREAM_UNAVAILABLE';
  constructor(message = '微信服务暂时不可用，请稍后重试') {
    super(message);
  }
}
