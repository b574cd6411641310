/**
 * The rate-limit step (a route opts in with `steps: [rateLimit(…)]`): one conditional counter per subject, bucket
 * and minute; over the limit, 429 RATE_LIMITED with Retry-After until the window ends. The subject is the signed-in
 * user for `per: 'user'` limits (a caller without a session, on a route with optional authentication, is counted
 * by address), and the caller's source address for `per: 'address'` limits.
 */
import type { RateLimitStep } from '@jiebang/shared/routes/define';
import type { SessionUser } from '@jiebang/shared';
import { perStore, type Deps } from '../../deps';
import { DynamoRateLimitRepository } from '../../store/dynamo-rate-limits';
import { keys } from '../../store/keys';
import { RateLimitedError } from '../errors';

const limits = perStore((store) => new DynamoRateLimitRepository(store));

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * The address a limit counts: API Gateway's `sourceIp` (the TCP peer it saw — never X-Forwarded-For, which the
 * caller writes). An IPv6 caller is counted by its /64, the block one subscriber gets, so cycling through the
 * addresses of one's own block does not buy a fresh budget. Anything unreadable shares one `unknown` count.
 */
export function addressOf(sourceIp: string | undefined): string {
  const ip = (sourceIp ?? '').trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped) return addressOf(mapped[1]);
  if (IPV4.test(ip)) return ip.split('.').every((o) => Number(o) <= 255) ? ip : 'unknown';
  const v6 = ip.replace(/%.*$/, ''); // a zone index (fe80::1%eth0) names the interface, not the peer
  if (!/^[0-9a-f:]+$/.test(v6) || !v6.includes(':')) return 'unknown';
  const halves = v6.split('::');
  if (halves.length > 2) return 'unknown';
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const all = [...head, ...Array<string>(Math.max(fill, 0)).fill('0'), ...tail];
  if (all.length !== 8 || all.some((g) => g.length === 0 || g.length > 4)) return 'unknown';
  return `${all
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Who a call of `step` is counted against. */
export function subjectOf(step: RateLimitStep, user: SessionUser | null, sourceIp: string | undefined): string {
  return step.per === 'user' && user
    ? keys.rateSubject('user', user.id)
    : keys.rateSubject('address', addressOf(sourceIp));
}

export async function runRateLimit(
  step: RateLimitStep,
  user: SessionUser | null,
  sourceIp: string | undefined,
  d: Deps,
  now: Date,
): Promise<void> {
  const wait = await limits(d).hit(subjectOf(step, user, sourceIp), step.bucket, now, step.perMinute, 60);
  if (wait !== null) throw new RateLimitedError(wait);
}
