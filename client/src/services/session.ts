import Taro from '@tarojs/taro';

const TOKEN_KEY = 'jiebang.token';
const EXPIRES_KEY = 'jiebang.tokenExpiresAt';

/** The bearer token of the signed-in user, or null (also when it has expired on the device clock). */
export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY);
  if (typeof token !== 'string' || token === '') return null;
  const expiresAt: unknown = Taro.getStorageSync(EXPIRES_KEY);
  if (typeof expiresAt === 'string' && Date.parse(expiresAt) <= Date.now()) {
    clearToken();
    return null;
  }
  return token;
}

export function saveToken(token: string, expiresAt: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  Taro.setStorageSync(EXPIRES_KEY, expiresAt);
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(EXPIRES_KEY);
}
