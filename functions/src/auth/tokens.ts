/**
 * Session tokens: HS256 JWTs signed with the configured secret, short-lived. A token must carry `sub`, `iat` and
 * `exp`, and is refused once older than one session (`ttlSeconds`) whatever its `exp` says, so that a token
 * minted with a long or missing expiry (a leaked secret's worst case aside) cannot outlive a session.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { SessionUser } from '@jiebang/shared';
import { UnauthorizedError } from '../http/errors';

const ISSUER = 'jiebang';
const AUDIENCE = 'jiebang-api';

export interface TokenService {
  issue(user: SessionUser, now: Date): Promise<{ token: string; expiresAt: string }>;
  verify(token: string, now: Date): Promise<SessionUser>;
}

export function tokenService(secret: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(user, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + ttlSeconds;
      const token = await new SignJWT({ roles: user.roles, org: user.orgId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          currentDate: now,
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge: ttlSeconds,
          // The clocks of the functions agree; a token from the future was not issued here.
          clockTolerance: 5,
        });
        if (typeof payload.iat !== 'number' || payload.iat > now.getTime() / 1000 + 5) {
          throw new UnauthorizedError('登录信息无效，请重新登录');
        }
        if (typeof payload.exp !== 'number' || payload.exp - payload.iat > ttlSeconds) {
          throw new UnauthorizedError('登录信息无效，请重新登录');
        }
        const roles = Array.isArray(payload.roles)
          ? payload.roles.filter((r): r is string => typeof r === 'string')
          : [];
        if (typeof payload.sub !== 'string') throw new UnauthorizedError('登录信息无效，请重新登录');
        return { id: payload.sub, roles, orgId: typeof payload.org === 'string' ? payload.org : null };
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new UnauthorizedError('登录已过期，请重新登录');
        if (err instanceof UnauthorizedError) throw err;
        throw new UnauthorizedError('登录信息无效，请重新登录');
      }
    },
  };
}
