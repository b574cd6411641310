import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { SignJWT } from 'jose';
import { loginResponseSchema, meResponseSchema } from '@jiebang/shared';
import { handler as loginHandler } from '../../functions/src/handlers/auth-wechat-login';
import { handler as meHandler } from '../../functions/src/handlers/me';
import { deps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { userIdForOpenid } from '../../functions/src/auth/identity';
import { login } from '../../functions/src/use-cases/auth';
import { org } from '../support/fixtures';
import { invoke } from '../support/invoke';

const loginAs = async (openid: string) => {
  const res = await invoke(loginHandler, { method: 'POST', body: { code: `dev:${openid}` } });
  expect(res.status).toBe(200);
  return loginResponseSchema.parse(res.body);
};

const enterprise = org({ kind: 'sme', name: '测试精密仪器有限公司' });

beforeAll(async () => {
  const { users, orgs } = repositories(deps().store);
  expect(await orgs.create(enterprise)).toBe(true);
  await users.createIfAbsent({
    id: userIdForOpenid('t-sme-admin'),
    openid: 't-sme-admin',
    roles: ['org_admin'],
    orgId: enterprise.id,
    createdAt: new Date().toISOString(),
  });
  await users.createIfAbsent({
    id: userIdForOpenid('t-ministry'),
    openid: 't-ministry',
    roles: ['ministry'],
    orgId: null,
    createdAt: new Date().toISOString(),
  });
}, 60_000);

describe('POST /v1/auth/wechat-login (through the WeChat stand-in)', () => {
  it('creates a plain user on first login and returns a signed, expiring token', async () => {
    const first = await loginAs('t-newcomer');
    expect(first.user).toEqual({ id: userIdForOpenid('t-newcomer'), roles: [], orgId: null });
    const ttl = Date.parse(first.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(7200_000 + 5000);
    const again = await loginAs('t-newcomer');
    expect(again.user.id).toBe(first.user.id);
  });

  it('carries seeded roles and the enterprise', async () => {
    expect((await loginAs('t-ministry')).user.roles).toEqual(['ministry']);
    expect((await loginAs('t-sme-admin')).user).toMatchObject({ roles: ['org_admin'], orgId: enterprise.id });
  });

  it('refuses a code WeChat does not accept with 401', async () => {
    const res = await invoke(loginHandler, { method: 'POST', body: { code: 'garbage-code' } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/重新登录/);
  });

  it('refuses dev: codes outside stage local, before asking WeChat', async () => {
    let asked = false;
    const d = deps();
    const attempt = login('dev:ministry', {
      stage: 'prod',
      wechat: { code2Session: async () => ((asked = true), { openid: 'ministry' }) },
      users: repositories(d.store).users,
      tokens: d.tokens,
      now: new Date(),
    });
    await expect(attempt).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(asked).toBe(false);
  });

  it('refuses bodies with unknown fields, missing code, or not JSON', async () => {
    for (const o of [{ body: { code: 'dev:x', role: 'admin' } }, { body: {} }, { rawBody: '{"code":' }]) {
      const res = await invoke(loginHandler, { method: 'POST', ...o });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toMatch(/^(VALIDATION_FAILED|INVALID_JSON)$/);
    }
    const unknown = await invoke(loginHandler, { method: 'POST', body: { code: 'dev:x', role: 'admin' } });
    expect(unknown.body.error.fields).toEqual({ role: '不允许的字段' });
  });
});

describe('GET /v1/me', () => {
  it('returns the user and its enterprise', async () => {
    const { token } = await loginAs('t-sme-admin');
    const res = await invoke(meHandler, { token });
    expect(res.status).toBe(200);
    const me = meResponseSchema.parse(res.body);
    expect(me.org).toMatchObject({ id: enterprise.id, name: enterprise.name, kind: 'sme', region: '440300' });
  });

  it('needs a valid token: none, tampered, foreign-signed and expired tokens get 401', async () => {
    const { token } = await loginAs('t-newcomer');
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), roles: ['admin'] })).toString('base64url')}.${s}`;
    const foreign = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userIdForOpenid('t-newcomer'))
      .setIssuer('jiebang')
      .setAudience('jiebang-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-of-sufficient-length-123456'));
    const expired = (
      await deps().tokens.issue({ id: 'u_x', roles: [], orgId: null }, new Date(Date.now() - 3 * 3600_000))
    ).token;
    for (const t of [undefined, tampered, foreign, expired, 'abc']) {
      const res = await invoke(meHandler, t ? { token: t } : {});
      expectWith(res.status, String(t)).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
    const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    expect((await invoke(meHandler, { token: noneAlg })).status).toBe(401);
  });
});
