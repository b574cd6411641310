import { createHash } from 'node:crypto';

/**
 * A user's id, derived from the WeChat openid so that a login is one conditional write with no lookup table.
 * Hashing keeps the openid (personal data under PIPL) out of ids that appear in URLs, logs and other users' views.
 */
export function userIdForOpenid(openid: string): string {
  return `u_${createHash('sha256').update(`wechat:${openid}`).digest('base64url').slice(0, 22)}`;
}
