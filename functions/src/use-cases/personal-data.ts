/**
 * Personal-data rights (PIPL; programmes.md §5): a person downloads what the platform holds about them, and erases
 * their account. Programme records (enterprises, demands, applications, scores, audit trails) stay: they name a
 * person only by the pseudonymous user id, which after erasure no longer leads to an openid or a name.
 */
import type { EraseResponse, MyDataResponse, PrivacyState, SessionUser } from '@jiebang/shared';
import { PRIVACY_NOTICE_VERSION } from '@jiebang/shared/schemas/personal-data';
import { privacyState } from '../domain/privacy';
import { RuleViolation, Unauthenticated } from '../domain/errors';
import type { DynamoOrgRepository } from '../store/dynamo-orgs';
import type { DynamoPersonalDataRepository } from '../store/dynamo-personal-data';
import { isAuthorityAccount } from '../auth/roles';

export interface PersonalDataDeps {
  repos: { personal: DynamoPersonalDataRepository; orgs: Pick<DynamoOrgRepository, 'get' | 'removeMember'> };
  now: Date;
}

/** Retention periods, also in the README ("Personal data"): what is kept, for how long, and why. */
export const RETENTION = [
  { what: '账号（微信标识、姓名、登录时间）', kept: '注销前一直保存；注销时立即删除' },
  { what: '个人消息与订阅授权', kept: '注销时立即删除；已使用的订阅授权 180 天后自动删除' },
  { what: '企业、需求、申报、评审与验收记录', kept: '项目记录，按档案要求保存 10 年；其中的本人以“已注销用户”显示' },
  { what: '防篡改操作记录', kept: '与所记录的对象同期保存；只含用户编号，不含姓名或电话' },
];

/** GET /v1/me/data. */
export async function myData(user: SessionUser, d: PersonalDataDeps): Promise<MyDataResponse> {
  const h = await d.repos.personal.holdings(user.id);
  if (!h.user) throw new Unauthenticated('账号不存在，请重新登录');
  const org = user.orgId ? await d.repos.orgs.get(user.orgId) : null;
  return {
    generatedAt: d.now.toISOString(),
    user: h.user,
    org: org ? { id: org.id, name: org.name, roles: user.roles } : null,
    notifications: h.notifications,
    consents: h.consents,
    retention: RETENTION,
  };
}

/**
 * DELETE /v1/me: leave the enterprise first (the members rule: the last admin may not — 422 LAST_ADMIN), then
 * strip the profile and delete the person's own items. The session stops at its next request: the envelope
 * reads the profile of every non-authority session and an erased one answers 401.
 */
export async function eraseMe(user: SessionUser, d: PersonalDataDeps): Promise<EraseResponse> {
  if (isAuthorityAccount(user))
    throw new RuleViolation('AUTHORITY_ACCOUNT', '主管部门账号不能在此注销，请联系平台管理员办理');
  if (user.orgId) {
    const org = await d.repos.orgs.get(user.orgId);
    const left = await d.repos.orgs.removeMember(user.orgId, user.id, user.id, {
      objectType: 'org',
      objectId: user.orgId,
      action: 'member_remove',
      actor: {
        userId: user.id,
        role: user.roles.find((r) => r.startsWith('org_')) ?? 'org_member',
        orgId: user.orgId,
        name: org?.name ?? '',
      },
      comment: `${user.id}: 注销账号`,
      at: d.now.toISOString(),
    });
    if (left === 'last_admin')
      throw new RuleViolation(
        'LAST_ADMIN',
        '您是企业的最后一位管理员，不能注销账号：请先在“成员管理”中将其他成员设为管理员，再注销',
      );
    // not_member: it left (or was removed) meanwhile — nothing more to leave.
    await d.repos.personal.eraseOrgContact(user.orgId, user.id);
  }
  const h = await d.repos.personal.holdings(user.id);
  await d.repos.personal.eraseDemandContacts(h);
  await d.repos.personal.deleteOwnItems(h, user.id);
  if (!(await d.repos.personal.eraseProfile(user.id, d.now))) throw new Unauthenticated('账号不存在，请重新登录');
  return {
    erasedAt: d.now.toISOString(),
    removed: [
      '微信标识（openid）',
      '姓名',
      '本人填写的企业联系人（姓名、电话、邮箱）',
      '本人填写的需求联系人',
      '“提醒我”关注的需求',
      '登录时间',
      '隐私政策同意记录',
      '订阅消息授权',
      '个人消息',
      '企业成员身份',
    ],
    kept: ['企业、需求、申报、评审与验收等项目记录（其中的本人显示为“已注销用户”）', '防篡改操作记录（只含用户编号）'],
  };
}

/** POST /v1/me/privacy: the current notice only — a client showing an older one must show the new one first. */
export async function acceptPrivacy(user: SessionUser, version: string, d: PersonalDataDeps): Promise<PrivacyState> {
  if (version !== PRIVACY_NOTICE_VERSION)
    throw new RuleViolation('PRIVACY_VERSION_STALE', '隐私政策已更新，请阅读最新版本后再同意');
  if (!(await d.repos.personal.acceptPrivacy(user.id, version, d.now)))
    throw new Unauthenticated('账号不存在，请重新登录');
  return privacyState({ privacyVersion: version, privacyAcceptedAt: d.now.toISOString() });
}
