/** The one mapper: domain errors and the envelope's own errors to statuses and the error body of api.md. */
import { describe, expect, it } from '@jest/globals';
import {
  Conflict,
  Forbidden,
  InvalidInput,
  NotFound,
  RuleViolation,
  Unauthenticated,
  UpstreamUnavailable,
} from '../domain/errors';
import { refusedValue } from '../store/errors';
import { PayloadTooLargeError, RateLimitedError, UnauthorizedError, ValidationError } from './errors';
import { toErrorResponse } from './respond';

const answer = (err: unknown) => {
  const res = toErrorResponse(err, 'req-1');
  return { status: res.statusCode, headers: res.headers ?? {}, body: JSON.parse(res.body) };
};

describe('toErrorResponse', () => {
  it('gives each domain error its status and keeps code, message and fields', () => {
    const cases: [Error, number, string][] = [
      [new InvalidInput('需求表有误', { title: '请填写' }), 400, 'VALIDATION_FAILED'],
      [new Unauthenticated('账号不存在，请重新登录'), 401, 'UNAUTHORIZED'],
      [new Forbidden(), 403, 'FORBIDDEN'],
      [new NotFound('揭榜申请不存在'), 404, 'NOT_FOUND'],
      [new Conflict('申请已被修改，请刷新后重试', 'VERSION_CONFLICT'), 409, 'VERSION_CONFLICT'],
      [new RuleViolation('NOT_SME', '仅中小企业可以揭榜'), 422, 'NOT_SME'],
      [new UpstreamUnavailable(), 502, 'UPSTREAM_UNAVAILABLE'],
    ];
    for (const [err, status, code] of cases) {
      const a = answer(err);
      expect([a.status, a.body.error.code, a.body.error.message]).toEqual([status, code, err.message]);
    }
    expect(answer(cases[0]![0]).body.error.fields).toEqual({ title: '请填写' });
  });

  it('answers the envelope errors as before', () => {
    expect(answer(new ValidationError()).status).toBe(400);
    expect(answer(new UnauthorizedError()).status).toBe(401);
    expect(answer(new PayloadTooLargeError(64 * 1024)).status).toBe(413);
    const limited = answer(new RateLimitedError(7));
    expect([limited.status, limited.headers['Retry-After']]).toEqual([429, '7']);
  });

  it('a store that is unavailable is 503 with Retry-After; a value it refused is 400, never 500', () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    for (const err of [throttled, refused]) {
      const a = answer(err);
      expect([a.status, a.body.error.code]).toEqual([503, 'STORE_UNAVAILABLE']);
      expect(a.headers['Retry-After']).toMatch(/^\d+$/);
      expect(JSON.stringify(a.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    }
    const underflow = Object.assign(new Error('Number underflow'), { name: 'ValidationException' });
    const a = answer(refusedValue(underflow));
    expect([a.status, a.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(a.body.error.message).toMatch(/数值/);
  });

  it('anything else is a bare 500 with the request id', () => {
    const a = answer(new TypeError('x is undefined'));
    expect([a.status, a.body.error.code]).toEqual([500, 'INTERNAL_ERROR']);
    expect(a.body.error.message).toContain('req-1');
    expect(a.body.error.message).not.toContain('undefined');
  });
});
