/**
 * Rate limits (README, "Rate limits"): per user on the submit routes and the writes that are cheap to repeat, per
 * source address on sign-in; over the budget 429 RATE_LIMITED with Retry-After until the window ends, and other
 * users and addresses are not affected. The count is one conditional UpdateItem, so parallel calls cannot
 * overshoot.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { errorBodySchema } from '@jiebang/shared';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { handler as submitDemand } from '../../functions/src/handlers/demands-submit';
import { overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { handler as login } from '../../functions/src/handlers/auth-wechat-login';
import { handler as acceptInvite } from '../../functions/src/handlers/invites-accept';
import { handler as subscribe } from '../../functions/src/handlers/subscriptions-create';
import { SUBMIT_RATE_LIMIT } from '@jiebang/shared/routes/define';
import { buildOpenApi } from '../../functions/src/http/openapi';
import { RATE_LIMITS } from '@jiebang/shared/routes/define';
import { allRoutes as routes } from '@jiebang/shared/routes/all';
import type { RouteDefinition as RouteSpec } from '@jiebang/shared/routes/define';
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

/** A moment `seconds` into a fresh minute window, distinct per test so that no two tests share a window. */
const windowAt = (minutes: number, seconds: number) =>
  new Date(Math.floor(NOW.getTime() / 60_000) * 60_000 + minutes * 60_000 + seconds * 1000);

describe('per-address limit on sign-in', () => {
  it('lets 60 logins a minute through from one address, then 429 — another address still signs in', async () => {
    const start = windowAt(5, 20);
    at(start);
    const from = (sourceIp: string, i: number) =>
      invoke(login, { method: 'POST', sourceIp, body: { code: `dev:rate-${sourceIp.replace(/\W/g, '-')}-${i}` } });
    const first = await Promise.all(
      Array.from({ length: RATE_LIMITS.login.perMinute + 5 }, (_, i) => from('203.0.113.9', i)),
    );
    expect(first.filter((r) => r.status === 200)).toHaveLength(RATE_LIMITS.login.perMinute);
    const limited = first.filter((r) => r.status === 429);
    expect(limited).toHaveLength(5);
    expect(limited[0]!.headers['Retry-After']).toBe('40');
    expect(errorBodySchema.parse(limited[0]!.body).error.code).toBe('RATE_LIMITED');
    // A code WeChat refuses was a code exchange all the same: it counts, and is refused before reaching WeChat.
    expect((await invoke(login, { method: 'POST', sourceIp: '203.0.113.9', body: { code: 'garbage' } })).status).toBe(
      429,
    );
    // Another address is not affected; a session sent along does not move the count off the address.
    expect((await from('198.51.100.20', 0)).status).toBe(200);
    const token = (await tokenAt(w.people.plainUser, start)).token;
    expect(
      (await invoke(login, { method: 'POST', sourceIp: '203.0.113.9', token, body: { code: 'dev:x' } })).status,
    ).toBe(429);
    at(new Date(start.getTime() + 40_000));
    expect((await from('203.0.113.9', 999)).status).toBe(200);
  });

  it('counts an IPv6 caller by its /64, so moving inside the block buys nothing', async () => {
    at(windowAt(7, 0));
    const answers = await Promise.all(
      Array.from({ length: RATE_LIMITS.login.perMinute + 1 }, (_, i) =>
        invoke(login, {
          method: 'POST',
          sourceIp: `2001:db8:1:2::${(i + 1).toString(16)}`,
          body: { code: `dev:v6-${i}` },
        }),
      ),
    );
    expect(answers.filter((r) => r.status === 429)).toHaveLength(1);
    const elsewhere = await invoke(login, { method: 'POST', sourceIp: '2001:db8:1:3::1', body: { code: 'dev:v6-x' } });
    expect(elsewhere.status).toBe(200);
  });
});

describe('per-user limits on writes that are cheap to repeat', () => {
  it('lets a user try 10 invite codes a minute, then 429 — from any address; another user is not affected', async () => {
    const start = windowAt(9, 30);
    at(start);
    const signIn = async (openid: string) =>
      (await invoke(login, { method: 'POST', sourceIp: '192.0.2.200', body: { code: `dev:${openid}` } })).body
        .token as string;
    const guesser = { token: await signIn('invite-guesser') };
    const guess = (i: number, sourceIp = '203.0.113.50') =>
      invoke(acceptInvite, {
        method: 'POST',
        token: guesser.token,
        sourceIp,
        params: { code: `GUESS${String(i).padStart(7, '0')}` },
      });
    const first = await Promise.all(Array.from({ length: RATE_LIMITS.invite.perMinute + 3 }, (_, i) => guess(i)));
    expect(first.filter((r) => r.status === 404)).toHaveLength(RATE_LIMITS.invite.perMinute);
    const limited = first.filter((r) => r.status === 429);
    expect(limited).toHaveLength(3);
    expect(limited[0]!.headers['Retry-After']).toBe('30');
    // The count is the user's, not the address's.
    expect((await guess(100, '198.51.100.77')).status).toBe(429);
    const other = { token: await signIn('invite-other') };
    const theirs = await invoke(acceptInvite, {
      method: 'POST',
      token: other.token,
      sourceIp: '203.0.113.50',
      params: { code: 'GUESS0000000' },
    });
    expect(theirs.status).toBe(404);
  });

  it('limits subscribe consents per user (30 a minute)', async () => {
    const start = windowAt(11, 0);
    at(start);
    const me = await tokenAt(w.people.smeUser, start);
    const first = await Promise.all(
      Array.from({ length: RATE_LIMITS.subscriptions.perMinute + 1 }, () =>
        invoke(subscribe, { method: 'POST', token: me.token, body: { templateKey: 'status_update' } }),
      ),
    );
    expect(first.filter((r) => r.status === 429)).toHaveLength(1);
    expect(first.filter((r) => r.status === 201)).toHaveLength(RATE_LIMITS.subscriptions.perMinute);
  });

  it('documents 429 with Retry-After on every limited route of the OpenAPI document', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, { responses: Record<string, any> }>> };
    const limitedRoutes = (Object.values(routes) as RouteSpec[]).filter((r) =>
      r.steps?.some((s) => s.step === 'rateLimit'),
    );
    expect(limitedRoutes.length).toBeGreaterThanOrEqual(15);
    for (const r of limitedRoutes) {
      const answer = doc.paths[r.path]![r.method.toLowerCase()]!.responses['429'];
      expect({ route: `${r.method} ${r.path}`, retryAfter: Boolean(answer?.headers?.['Retry-After']) }).toEqual({
        route: `${r.method} ${r.path}`,
        retryAfter: true,
      });
    }
  });
});
