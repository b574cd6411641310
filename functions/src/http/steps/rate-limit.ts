/**
 * The rate-limit step (a route opts in with `steps: [rateLimit(…)]`): one conditional counter per user, bucket and
 * minute; over the limit, 429 RATE_LIMITED with Retry-After until the window ends. Anonymous calls are not counted
 * (the routes that opt in require a session).
 */
import type { RateLimitStep } from '@jiebang/shared/routes/define';
import type { SessionUser } from '@jiebang/shared';
import { perStore, type Deps } from '../../deps';
import { DynamoRateLimitRepository } from '../../store/dynamo-rate-limits';
import { RateLimitedError } from '../errors';

const limits = perStore((store) => new DynamoRateLimitRepository(store));

export async function runRateLimit(step: RateLimitStep, user: SessionUser | null, d: Deps, now: Date): Promise<void> {
  if (!user) return;
  const wait = await limits(d).hit(user.id, step.bucket, now, step.perMinute, 60);
  if (wait !== null) throw new RateLimitedError(wait);
}
