import type { LoginResponse, MeResponse } from '@jiebang/shared';
import type { TokenService } from '../auth/tokens';
import { userIdForOpenid } from '../auth/identity';
import { Unauthenticated } from '../domain/errors';
import { privacyState } from '../domain/privacy';
import type { OrgRepository, UserRepository } from '../store/repositories';
import type { WeChatApi } from '../wechat/client';

/** Codes of the local WeChat stand-in; refused before any exchange outside stage `local`. */
const DEV_CODE = /^dev:/;

/**
 * Log in with a `wx.login` code: exchange it for the openid, create or touch the user (one write), issue a
 * session token carrying the user's roles and enterprise.
 */
export async function login(
  code: string,
  d: { stage: string; wechat: WeChatApi; users: UserRepository; tokens: TokenService; now: Date },
): Promise<LoginResponse> {
  if (DEV_CODE.test(code) && d.stage !== 'local') throw new Unauthenticated('登录凭证无效，请在微信中重新登录');
  const { openid } = await d.wechat.code2Session(code);
  const record = await d.users.recordLogin(userIdForOpenid(openid), openid, d.now);
  const user = { id: record.id, roles: record.roles ?? [], orgId: record.orgId ?? null };
  const { token, expiresAt } = await d.tokens.issue(user, d.now);
  return { token, expiresAt, user };
}

/** The signed-in user as stored now (roles may have changed since the token was issued) and its enterprise. */
export async function me(userId: string, d: { users: UserRepository; orgs: OrgRepository }): Promise<MeResponse> {
  const user = await d.users.get(userId);
  if (!user) throw new Unauthenticated('账号不存在，请重新登录');
  const org = user.orgId ? await d.orgs.get(user.orgId) : null;
  return {
    user: {
      id: user.id,
      roles: user.roles ?? [],
      orgId: user.orgId ?? null,
      ...(user.displayName ? { displayName: user.displayName } : {}),
    },
    org: org ? { id: org.id, kind: org.kind, name: org.name, region: org.authorityRegion, size: org.size } : null,
    privacy: privacyState(user),
  };
}
