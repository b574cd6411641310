import '../lib/zod-setup';
import Taro from '@tarojs/taro';
import { devLoginCode } from '@jiebang/shared';
import type { LoginResponse, MeResponse } from '@jiebang/shared';
import { me as meRoute, wechatLogin } from '@jiebang/shared/routes/core';
import { call } from './api';
import { ApiError } from './http';
import { clearToken, getToken, saveToken } from './session';

export { getToken } from './session';

/** Exchange a login code for a session (POST /v1/auth/wechat-login) and remember its token. */
export async function login(code: string): Promise<LoginResponse> {
  const res = await call(wechatLogin, { body: { code } });
  saveToken(res.token, res.expiresAt);
  return res;
}

/** Stage `local` only: sign in as a seeded demo identity (the local WeChat stand-in answers `dev:<openid>`). */
export function loginAsDemo(openid: string): Promise<LoginResponse> {
  return login(devLoginCode(openid));
}

/** Sign in with WeChat: `wx.login` gives a one-time code that the API exchanges with WeChat's server. */
export async function loginWithWechat(): Promise<LoginResponse> {
  let code: string | undefined;
  try {
    ({ code } = await Taro.login());
  } catch {
    code = undefined;
  }
  if (!code) throw new ApiError(0, 'WECHAT_LOGIN_FAILED', '微信登录失败，请稍后重试');
  return login(code);
}

/** The signed-in user and their enterprise (GET /v1/me). */
export function me(): Promise<MeResponse> {
  return call(meRoute);
}

export function isSignedIn(): boolean {
  return getToken() !== null;
}

/** Forget the session on this device (tokens are short-lived; there is no server-side session to end). */
export function logout(): void {
  clearToken();
}
