/**
 * Retrying the seed's steps against a slow local store. Every step is idempotent (conditional writes, or a read
 * before a write), so a step whose answer was lost — applied, but the request timed out — is simply run again
 * and then reports that the record exists. The seed fails only when no step has succeeded for `idleMs`.
 */
import { isStoreUnavailable } from '../../functions/src/store/errors';
import { Progress, StalledError } from '../local/progress';

export interface PatienceOptions {
  /** Fail when no step has succeeded for this long, ms (default 120 s). */
  idleMs?: number;
  /** Steps in flight at once (default 4): a warming JVM answers a few requests faster than forty. */
  concurrency?: number;
  /** Told of each retry (for the start-up log). */
  onRetry?: (what: string, error: Error, attempt: number) => void;
}

/**
 * No answer, a timeout, throttling or a server error: worth another try. A refusal (validation, condition) is not.
 * The store's own classification (what the API answers with a 503), plus whatever the SDK marked retryable.
 */
export function isTransient(err: unknown): boolean {
  return isStoreUnavailable(err) || Boolean((err as { $retryable?: unknown } | null)?.$retryable);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Patience {
  /** Run an idempotent step, retrying transient failures with backoff while the seed as a whole progresses. */
  step<T>(what: string, run: () => Promise<T>): Promise<T>;
  /** Run `run` over `items`, `concurrency` at a time, each as a step. */
  each<T, R>(what: (item: T) => string, items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]>;
}

export function patience(o: PatienceOptions = {}): Patience {
  const progress = new Progress(o.idleMs ?? 120_000);
  const concurrency = Math.max(1, o.concurrency ?? 4);
  const step = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await run();
        progress.mark(what);
        return result;
      } catch (err) {
        if (!isTransient(err)) throw err;
        if (progress.stalled()) {
          throw new StalledError(
            `the demo seed stopped at ${what}`,
            `${progress.describe()}; last error: ${(err as Error).message}`,
            'DynamoDB Local is not answering: check its output above; `npm start -- --no-seed` starts without the ' +
              'demo data, and `npx tsx infra/seed/run.ts` seeds later (the seed is safe to run again)',
          );
        }
        o.onRetry?.(what, err as Error, attempt);
        // Exponential backoff with jitter, capped: a busy JVM needs room, not a burst of retries.
        await sleep(Math.min(10_000, 250 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random() / 2));
      }
    }
  };
  return {
    step,
    async each(what, items, run) {
      const results = new Array(items.length);
      let next = 0;
      const worker = async () => {
        while (next < items.length) {
          const i = next++;
          const item = items[i]!;
          results[i] = await step(what(item), () => run(item));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
      return results;
    },
  };
}
