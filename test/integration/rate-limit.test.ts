/**
 * Submit routes are limited per user (quality.md): 120 calls a minute, then 429 RATE_LIMITED with Retry-After
 * until the window ends; other users are not affected. The count is one conditional UpdateItem, so parallel
 * calls cannot overshoot.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { errorBodySchema } from '@jiebang/shared';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { handler as submitDemand } from '../../functions/src/handlers/demands-submit';
import { overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { SUBMIT_RATE_LIMIT } from '../../functions/src/http/limits';
import { NOW, makeWorld, tokenAt, type World } from '../support/actors';
import { invoke } from '../support/invoke';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);
afterEach(() => overrideDeps({ clock: systemClock }));

const at = (d: Date) => overrideDeps({ clock: { now: () => d } });

describe('per-user rate limit on submit routes', () => {
  it('lets 120 calls a minute through, answers the next with 429 and Retry-After, and opens again next minute', async () => {
    const start = new Date(Math.floor(NOW.getTime() / 60_000) * 60_000 + 15_000); // 15 s into a window
    at(start);
    const { token } = await tokenAt(w.people.smeUser, start);
    const call = (i: number) =>
      invoke(submitApp, { method: 'POST', token, params: { id: `RATELIMIT${String(i).padStart(4, '0')}` } });
    // In parallel: the conditional counter lets exactly the limit through.
    const first = await Promise.all(Array.from({ length: SUBMIT_RATE_LIMIT.perMinute + 10 }, (_, i) => call(i)));
    expect(first.filter((r) => r.status === 404)).toHaveLength(SUBMIT_RATE_LIMIT.perMinute);
    const limited = first.filter((r) => r.status === 429);
    expect(limited).toHaveLength(10);
    expect(limited[0]!.headers['Retry-After']).toBe('45');
    expect(errorBodySchema.parse(limited[0]!.body).error).toMatchObject({
      code: 'RATE_LIMITED',
      message: '操作过于频繁，请稍后再试',
    });
    // The bucket is per user and shared by the submit routes: the demand submit is limited too, another user not.
    const other = await invoke(submitDemand, {
      method: 'POST',
      token,
      params: { id: 'RATELIMITD0001' },
      body: { channel: 'province' },
    });
    expect(other.status).toBe(429);
    const someoneElse = await invoke(submitApp, {
      method: 'POST',
      token: (await tokenAt(w.people.issuerAdmin, start)).token,
      params: { id: 'RATELIMIT9999' },
    });
    expect(someoneElse.status).toBe(404);

    const next = new Date(start.getTime() + 45_000);
    at(next);
    expect((await call(9999)).status).toBe(404);
  });
});
