/**
 * `poll(read, { timeout })`: retries `read` until the matcher that follows passes or the time is up, then fails
 * with the matcher's last error (what vitest's `expect.poll` did). `await poll(() => el.count()).toBe(2)`.
 */
import type { expect as Expect } from '@jest/globals';

// Loaded on first use, not at import: @jest/globals throws when imported outside a test run, and the benchmark's
// first-screen part (plain tsx) shares the e2e browser helpers that import this module.
const expectOf = async (): Promise<typeof Expect> => (await import('@jest/globals')).expect;

type Matchers = ReturnType<typeof Expect>;
type Polled = {
  [K in keyof Matchers as Matchers[K] extends (...args: never[]) => unknown ? K : never]: Matchers[K] extends (
    ...args: infer A
  ) => unknown
    ? (...args: A) => Promise<void>
    : never;
} & { not: Polled };

export function poll(
  read: () => unknown,
  { timeout = 1_000, interval = 50 }: { timeout?: number; interval?: number } = {},
  negate = false,
): Polled {
  return new Proxy({} as Polled, {
    get(_, matcher) {
      if (matcher === 'not') return poll(read, { timeout, interval }, !negate);
      return async (...args: unknown[]) => {
        const expect = await expectOf();
        const deadline = Date.now() + timeout;
        for (;;) {
          try {
            const e = expect(await read());
            const m = (negate ? e.not : e) as unknown as Record<string | symbol, (...a: unknown[]) => unknown>;
            m[matcher]!(...args);
            return;
          } catch (error) {
            if (Date.now() >= deadline) throw error;
            await new Promise((r) => setTimeout(r, interval));
          }
        }
      };
    },
  });
}
