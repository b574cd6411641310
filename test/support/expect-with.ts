/**
 * `expectWith(value, label)`: jest's `expect(value)` whose failures start with `label` (vitest's
 * `expect(value, message)`), for assertions in loops where the value alone does not say which case failed.
 */
import { expect } from '@jest/globals';

function relabel(error: unknown, label: string): unknown {
  if (error instanceof Error) {
    const original = error.message;
    error.message = `${label}\n\n${original}`;
    // Point the failure at the test's line, not at this wrapper.
    error.stack = error.stack
      ?.split('\n')
      .filter((line) => !line.includes('expect-with.'))
      .join('\n');
  }
  return error;
}

function labelled<T extends object>(target: T, label: string): T {
  return new Proxy(target, {
    get(t, prop) {
      const member = Reflect.get(t, prop) as unknown;
      if (typeof member === 'function') {
        return (...args: unknown[]) => {
          try {
            const result = (member as (...a: unknown[]) => unknown).apply(t, args);
            // .resolves / .rejects matchers answer a promise
            if (result instanceof Promise) return result.catch((e: unknown) => Promise.reject(relabel(e, label)));
            return result;
          } catch (e) {
            throw relabel(e, label);
          }
        };
      }
      // .not, .resolves, .rejects
      if (member && typeof member === 'object') return labelled(member, label);
      return member;
    },
  });
}

export function expectWith<T>(value: T, label: string): ReturnType<typeof expect<T>> {
  return labelled(expect(value), label);
}
