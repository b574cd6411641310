import { describe, expect, it } from '@jest/globals';
import { formatApiLine } from './api';

describe('API log lines', () => {
  it('condenses structured handler logs and drops offline invocation routes', () => {
    expect(
      formatApiLine(
        '{"level":"INFO","message":"request","timestamp":"2026-01-01T00:00:00Z","service":"jiebang-api","sampling_rate":0,"route":"GET /v1/health","status":200}',
      ),
    ).toBe('INFO  request route=GET /v1/health status=200');
    expect(
      formatApiLine('│   POST | http://localhost:3000/2015-03-31/functions/health/invocations       │'),
    ).toBeNull();
    expect(formatApiLine('GET /v1/health (λ: health)')).toBe('GET /v1/health (λ: health)');
  });
});
