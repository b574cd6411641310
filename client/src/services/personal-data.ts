import '../lib/zod-setup';
import type { EraseResponse, MyDataResponse, PrivacyState } from '@jiebang/shared';
import { acceptPrivacy as acceptPrivacyRoute, eraseMe, myData } from '@jiebang/shared/routes/personal-data';
import { call } from './api';
import { logout } from './auth';

/** 我的数据: everything the platform holds about the signed-in person. */
export function download(): Promise<MyDataResponse> {
  return call(myData, {});
}

/** Erase the account; on success the session is gone on the server, so it goes on the device too. */
export async function erase(): Promise<EraseResponse> {
  const out = await call(eraseMe, {});
  logout();
  return out;
}

/** Accept the privacy notice of `version` (the current one, as GET /v1/me said). */
export function acceptPrivacy(version: string): Promise<PrivacyState> {
  return call(acceptPrivacyRoute, { body: { version } });
}
