import { describe, expect, it } from '@jest/globals';
import { StalledError } from '../local/progress';
import { isTransient, patience } from './patience';

const timeout = () => Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });

describe('seed patience', () => {
  it('tells a slow store from a refusal', () => {
    expect(isTransient(timeout())).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { name: 'ThrottlingException' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 503 } }))).toBe(true);
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(isTransient(Object.assign(new Error('socket failed'), { cause: reset }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { $retryable: {} }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { name: 'ValidationException' }))).toBe(false);
    expect(isTransient(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }))).toBe(false);
  });

  it('retries a step that timed out until it succeeds, and reports each retry', async () => {
    let calls = 0;
    const retries: number[] = [];
    const p = patience({ idleMs: 10_000, onRetry: (_w, _e, attempt) => retries.push(attempt) });
    const result = await p.step('user u1', async () => {
      if (++calls < 3) throw timeout();
      return 'written';
    });
    expect(result).toBe('written');
    expect(retries).toEqual([1, 2]);
  });

  it('does not retry a refusal', async () => {
    let calls = 0;
    const p = patience();
    const refusal = Object.assign(new Error('One or more parameter values were invalid'), {
      name: 'ValidationException',
    });
    await expect(
      p.step('demand d1', async () => {
        calls++;
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(calls).toBe(1);
  });

  it('gives up only when nothing has succeeded for the idle limit, saying what to do next', async () => {
    const p = patience({ idleMs: 300 });
    const err = await p
      .step('enterprise e1', async () => {
        throw timeout();
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StalledError);
    expect((err as Error).message).toMatch(/demo seed stopped at enterprise e1/);
    expect((err as Error).message).toMatch(/Next step: .*--no-seed/);
  });

  it('keeps at most `concurrency` steps in flight and returns results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const p = patience({ concurrency: 3 });
    const out = await p.each(
      (n) => `item ${n}`,
      [1, 2, 3, 4, 5, 6, 7, 8],
      async (n) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return n * 2;
      },
    );
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    expect(most).toBe(3);
  });
});
