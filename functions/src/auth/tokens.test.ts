/**
 * Finding 9 of the outside assessment (issue 12): a token signed with the real secret is still refused when it
 * lacks `exp`, `iat` or `sub`, or was issued longer ago than a session may last.
 */
import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { tokenService } from './tokens';

const SECRET = 'unit-test-secret-0123456789-abcdefghijklmnop';
const TTL = 7200;
const key = new TextEncoder().encode(SECRET);
const tokens = tokenService(SECRET, TTL);
const now = new Date('2026-11-20T08:00:00.000Z');
const nowS = Math.floor(now.getTime() / 1000);

/** A token signed with the real secret, with exactly the claims given (no defaults). */
function sign(claims: { sub?: string; iat?: number; exp?: number }) {
  let jwt = new SignJWT({ roles: ['org_admin'], org: 'ORG1' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('jiebang')
    .setAudience('jiebang-api');
  if (claims.sub !== undefined) jwt = jwt.setSubject(claims.sub);
  if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
  return jwt.sign(key);
}

const complete = { sub: 'u_1', iat: nowS - 60, exp: nowS + 3600 };

describe('tokenService.verify', () => {
  it('accepts its own tokens and a complete, fresh token', async () => {
    const { token } = await tokens.issue({ id: 'u_1', roles: ['org_admin'], orgId: 'ORG1' }, now);
    await expect(tokens.verify(token, now)).resolves.toEqual({ id: 'u_1', roles: ['org_admin'], orgId: 'ORG1' });
    await expect(tokens.verify(await sign(complete), now)).resolves.toMatchObject({ id: 'u_1' });
  });

  for (const claim of ['exp', 'iat', 'sub'] as const) {
    it(`refuses a correctly signed token without "${claim}" with 401`, async () => {
      const { [claim]: _dropped, ...rest } = complete;
      await expect(tokens.verify(await sign(rest), now)).rejects.toMatchObject({ status: 401 });
    });
  }

  it('refuses a token issued longer ago than a session lasts, even with a far expiry', async () => {
    const old = await sign({ sub: 'u_1', iat: nowS - TTL - 120, exp: nowS + 30 * 86_400 });
    await expect(tokens.verify(old, now)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a token issued in the future and one whose expiry lies beyond a session length', async () => {
    await expect(tokens.verify(await sign({ ...complete, iat: nowS + 3600 }), now)).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      tokens.verify(await sign({ sub: 'u_1', iat: nowS - 60, exp: nowS + 365 * 86_400 }), now),
    ).rejects.toMatchObject({ status: 401 });
  });
});
