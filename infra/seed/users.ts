/**
 * Demo users. Authority accounts are granted by openid (api.md "Local sign-in"): `ministry`, `admin`, and
 * `province-<code>` for every authority region. Enterprise users are the DEMO_IDENTITIES of the two demo
 * issuers' and SMEs' staff. `visitor` has no item: its first login creates it as a plain user.
 */
import { AUTHORITY_REGION_CODES, AUTHORITY_REGIONS, DEPARTMENT_KEYS, DEPARTMENTS } from '@jiebang/shared';
import { userIdForOpenid } from '../../functions/src/auth/identity';
import type { UserRecord } from '../../functions/src/store/repositories';
import { ORG_IDS } from './orgs';

interface UserSpec {
  openid: string;
  roles: string[];
  orgId: string | null;
  displayName?: string;
}

/** Display name of a provincial authority account ("广东省中小企业主管部门"). */
export const provinceDisplayName = (code: string): string => `${AUTHORITY_REGIONS[code] ?? code}中小企业主管部门`;

export function userSpecs(): UserSpec[] {
  return [
    { openid: 'ministry', roles: ['ministry'], orgId: null, displayName: '工业和信息化部中小企业局' },
    { openid: 'admin', roles: ['admin'], orgId: null, displayName: '平台运营管理员' },
    ...AUTHORITY_REGION_CODES.map((code) => ({
      openid: `province-${code}`,
      roles: [`province:${code}`],
      orgId: null,
      displayName: provinceDisplayName(code),
    })),
    // 221号 to the letter (issue 16): one account per ministry department (相关司局).
    ...DEPARTMENT_KEYS.map((key) => ({
      openid: `department-${key}`,
      roles: [`department:${key}`],
      orgId: null,
      displayName: `工业和信息化部${DEPARTMENTS[key]}`,
    })),
    // Enterprise users carry no display name, like users who signed in with WeChat (which no longer shares
    // nicknames): the client then shows their enterprise's name.
    { openid: 'issuer-admin', roles: ['org_admin'], orgId: ORG_IDS.huaxia },
    { openid: 'issuer-reviewer', roles: ['org_member', 'reviewer'], orgId: ORG_IDS.huaxia },
    { openid: 'sme-admin', roles: ['org_admin'], orgId: ORG_IDS.jingce },
    { openid: 'sme-admin-2', roles: ['org_admin'], orgId: ORG_IDS.xincai },
  ];
}

export function demoUsers(now: Date): UserRecord[] {
  return userSpecs().map((u) => ({
    id: userIdForOpenid(u.openid),
    openid: u.openid,
    roles: u.roles,
    orgId: u.orgId,
    ...(u.displayName ? { displayName: u.displayName } : {}),
    createdAt: now.toISOString(),
  }));
}
