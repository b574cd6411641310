/**
 * Enterprises: registration with the 300号 classification and credit-code checks, the form, affiliates (issuers),
 * invites and member roles, uploads of the stamped application PDF.
 */
import { maskContact } from '../domain/privacy';
import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import {
  authorityRegionOf,
  institutionCodeProblem,
  isInstitutionKind,
  type OrgProfileInput,
  classify,
  divisionMatchesRegion,
  formatShanghai,
  MAX_ATTACHMENT_BYTES,
  organisationCodeValid,
  SIZE_LABELS,
  type Affiliate,
  type Actor,
  type Member,
  type Org,
  type OrgInput,
  type OrgUpdate,
  type OrgWarning,
  type SessionUser,
} from '@jiebang/shared';
import { isPdf, type AttachmentStore } from '../attachments/types';
import { inOrg, isAdmin, isAuthorityAccount, isMinistry, provinceOf } from '../auth/roles';
import type { TokenService } from '../auth/tokens';
import { Conflict, Forbidden, NotFound, RuleViolation, InvalidInput } from '../domain/errors';
import type { Repositories } from '../store';
import type { TransactItem } from '../store/transact';

export interface OrgDeps {
  /** Only the repositories these use-cases touch: a handler builds no others. */
  repos: Pick<Repositories, 'orgs' | 'users'>;
  now: Date;
}

export const orgActor = (u: SessionUser, org: Pick<Org, 'id' | 'name'>, role = 'org_admin'): Actor => ({
  userId: u.id,
  role,
  orgId: org.id,
  name: org.name,
});

/** POST /v1/tools/classify: the 300号 classification of some figures; a figure the row needs is required. */
export function classifyFigures(input: {
  industry: OrgInput['industry'];
  employees?: number;
  revenue?: number;
  assets?: number;
}) {
  const r = classify(input.industry, input);
  if (!r.ok) throw new InvalidInput('划型所需的数据不全', r.messages as Record<string, string>);
  return { size: r.size, isSme: r.isSme, rule: r.rule };
}

type Checked = { size: Org['size']; authorityRegion: string; warnings: OrgWarning[] };

/** REGION_MISMATCH when the credit code's registering division does not fit the declared region (never blocks). */
function regionWarnings(o: Pick<OrgInput, 'creditCode' | 'region'>): OrgWarning[] {
  if (divisionMatchesRegion(o.creditCode, o.region)) return [];
  return [
    {
      code: 'REGION_MISMATCH',
      field: 'region',
      message: `统一社会信用代码中的登记管理机关行政区划（${o.creditCode.slice(2, 8)}）与所选注册地（${o.region}）不一致，请核对`,
    },
  ];
}

/** The authority of a registered region, or 400 on the region field. */
function authorityOf(region: string): string {
  const authorityRegion = authorityRegionOf(region);
  if (!authorityRegion) {
    throw new InvalidInput('注册地不属于任何省级中小企业主管部门辖区', {
      region: '该行政区划不在任何省级中小企业主管部门辖区内',
    });
  }
  return authorityRegion;
}

/**
 * 高校, 科研院所, 服务机构 (library area): no 300号 classification (they are not enterprises), a credit code of the
 * registering category their kind allows (1 机构编制, 5 民政; 9 for a service company), the authority of their
 * region as for enterprises, and the same non-blocking warnings on the code.
 */
function checkInstitution(
  o: Pick<OrgInput, 'creditCode' | 'region'> & { kind: 'university' | 'institute' | 'service' },
): Checked {
  const problem = institutionCodeProblem(o.kind, o.creditCode);
  if (problem) throw new InvalidInput(problem, { creditCode: problem }, 'CREDIT_CODE_KIND');
  return { size: undefined, authorityRegion: authorityOf(o.region), warnings: regionWarnings(o) };
}

/** The profile as stored: the form and its weighted terms (summary, products and keywords; keywords count twice). */
export function profileWithTerms(p: OrgProfileInput, keywordsOf: KeywordExtractor): NonNullable<Org['profile']> {
  const text = [p.keywords.join(' '), p.keywords.join(' '), p.summary, p.products ?? ''].join('\n');
  return { ...p, terms: keywordsOf(text) };
}

/** Extracts weighted terms from a text (matching/keywords.ts; injected so the use-case stays pure). */
export type KeywordExtractor = (text: string) => { term: string; weight: number }[];

/**
 * The checks of an enterprise's form: classification (missing figures → 400; an "SME" the table calls large →
 * 422 NOT_SME), authority region (a division outside every authority → 400), and the warnings that do not block:
 * the credit code's division against the declared region, its GB 11714 organisation code, a "large" issuer the
 * table calls an SME.
 */
function checkOrg(
  o: Pick<
    OrgInput,
    | 'kind'
    | 'creditCode'
    | 'region'
    | 'industry'
    | 'employees'
    | 'revenue'
    | 'assets'
    | 'controllingShareholderCreditCode'
  >,
): Checked {
  if (isInstitutionKind(o.kind)) return checkInstitution({ ...o, kind: o.kind });
  const c = classify(o.industry, o);
  if (!c.ok) throw new InvalidInput('划型所需的数据不全，请补充后重试', c.messages as Record<string, string>);
  const authorityRegion = authorityOf(o.region);
  if (o.controllingShareholderCreditCode && o.controllingShareholderCreditCode === o.creditCode) {
    throw new InvalidInput('控股股东不能是本企业', {
      controllingShareholderCreditCode: '控股股东的统一社会信用代码不能与本企业相同',
    });
  }
  if (o.kind === 'sme' && !c.isSme) {
    throw new RuleViolation(
      'NOT_SME',
      `按《中小企业划型标准规定》，贵企业属于大型企业，不能登记为中小企业（${c.rule}）`,
    );
  }
  const warnings = regionWarnings(o);
  if (!organisationCodeValid(o.creditCode)) {
    warnings.push({
      code: 'ORGANISATION_CODE_CHECK',
      field: 'creditCode',
      message: '统一社会信用代码第 9–17 位（组织机构代码）的校验位不符合 GB 11714，请核对',
    });
  }
  if (o.kind === 'large' && c.isSme) {
    warnings.push({
      code: 'KIND_SIZE_MISMATCH',
      field: 'kind',
      message: `按划型标准贵企业为${SIZE_LABELS[c.size]}（${c.rule}）`,
    });
  }
  return { size: c.size, authorityRegion, warnings };
}

/** The stored enterprise: the form plus bookkeeping no one is shown. */
/** `contactUserId` (pipl): who entered the contact, so that erasing that account erases the contact too. */
type OrgRecord = Org & {
  affiliatesVersion?: number;
  /** The affiliate list's current generation (store/keys.ts, pattern 20); absent before the first import. */
  affiliatesGen?: string;
  shareholderChanges?: string[];
  contactUserId?: string;
};

/** The enterprise as its members and the authorities see it (storage bookkeeping left out). */
export function orgView(org: Org): Org {
  const {
    affiliatesVersion: _v,
    affiliatesGen: _g,
    shareholderChanges: _s,
    contactUserId: _u,
    ...rest
  } = org as OrgRecord;
  return rest;
}

/**
 * How often `controllingShareholderCreditCode` may change. Submit refuses an SME whose controlling shareholder is
 * the issuer; were the field free to flip, an SME could set it to guess after guess and submit to an anonymous
 * demand until the refusal said "affiliated" — learning the anonymous issuer's credit code (issue 12, finding 2).
 * A real controlling shareholder changes rarely (an equity transfer registered with 市场监管), so two changes in
 * any 30 days (a correction and a real change) cost an honest enterprise nothing and leave a guesser two guesses a
 * month. The value given at registration is not a change. The instants of recent changes are stored with the org
 * and written under its version, so concurrent edits cannot slip past the limit.
 */
export const SHAREHOLDER_CHANGE_LIMIT = 2;
const SHAREHOLDER_WINDOW_MS = 30 * 86_400_000;

/** The recent changes after this update (the new one appended when the field changes), or 422 over the limit. */
function shareholderChanges(org: OrgRecord, next: string | undefined, now: Date): string[] {
  const recent = (org.shareholderChanges ?? []).filter((t) => now.getTime() - Date.parse(t) < SHAREHOLDER_WINDOW_MS);
  if ((org.controllingShareholderCreditCode ?? undefined) === next) return recent;
  if (recent.length >= SHAREHOLDER_CHANGE_LIMIT) {
    const again = new Date(Date.parse(recent[0]!) + SHAREHOLDER_WINDOW_MS);
    throw new RuleViolation(
      'SHAREHOLDER_CHANGE_LIMIT',
      `控股股东信息 30 天内最多修改 ${SHAREHOLDER_CHANGE_LIMIT} 次，请于 ${formatShanghai(again.toISOString())}（北京时间）后再修改`,
    );
  }
  return [...recent, now.toISOString()];
}

/** POST /v1/orgs: register, the caller becoming its org_admin (in the same transaction); a fresh session. */
export async function registerOrg(user: SessionUser, input: OrgInput, d: OrgDeps & { tokens: TokenService }) {
  if (isAuthorityAccount(user)) throw new Forbidden('主管部门和平台账号不能登记企业');
  if (user.orgId) throw new Conflict('您已加入一家企业，不能再登记新企业', 'ALREADY_IN_ORG');
  const checked = checkOrg(input);
  const at = d.now.toISOString();
  const org: OrgRecord = {
    ...input,
    contactUserId: user.id,
    id: ulid(),
    ...(checked.size ? { size: checked.size } : {}),
    authorityRegion: checked.authorityRegion,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const result = await d.repos.orgs.register(org, user.id, {
    objectType: 'org',
    objectId: org.id,
    action: 'register',
    actor: orgActor(user, org),
    at,
  });
  if (result === 'duplicate') {
    throw new Conflict('该统一社会信用代码已登记，请联系贵企业的管理员邀请您加入', 'DUPLICATE_CREDIT_CODE');
  }
  if (result === 'already_in_org') throw new Conflict('您已加入一家企业，不能再登记新企业', 'ALREADY_IN_ORG');
  const sessionUser = { id: user.id, roles: ['org_admin'], orgId: org.id };
  const session = { ...(await d.tokens.issue(sessionUser, d.now)), user: sessionUser };
  return { ...orgView(org), warnings: checked.warnings, session };
}

/** Members of `orgId` in one of `roles`; 404 for everyone else (they need not learn the enterprise exists). */
export async function loadOwnOrg(user: SessionUser, orgId: string, d: OrgDeps, roles?: string[]): Promise<Org> {
  if (user.orgId !== orgId) throw new NotFound('企业不存在');
  if (roles && !inOrg(user, orgId, roles)) throw new Forbidden('仅企业管理员可以进行此操作');
  const org = await d.repos.orgs.get(orgId);
  if (!org) throw new NotFound('企业不存在');
  return org;
}

/** GET /v1/orgs/{id}: own enterprise, its authority, the ministry; 404 for anyone else. */
export async function getOrg(user: SessionUser, id: string, d: OrgDeps): Promise<Org> {
  const org = await d.repos.orgs.get(id);
  const visible =
    org && (user.orgId === id || isMinistry(user) || isAdmin(user) || provinceOf(user) === org.authorityRegion);
  if (!org || !visible) throw new NotFound('企业不存在');
  // pipl: the enterprise and its own authority see the contact whole; the ministry and the platform admin masked
  const whole = user.orgId === id || provinceOf(user) === org.authorityRegion;
  return whole || !org.contact ? orgView(org) : { ...orgView(org), contact: maskContact(org.contact) };
}

/** PUT /v1/orgs/{id}: the org_admin edits the form; kind and credit code never change. */
export async function updateOrg(
  user: SessionUser,
  id: string,
  input: OrgUpdate,
  d: OrgDeps & {
    keywords?: KeywordExtractor;
    /** The matching postings' change of a changed profile (store/dynamo-match-index.ts), in the same transaction. */
    profilePostings?: (before: Org, after: Org) => TransactItem[];
  },
) {
  const org = await loadOwnOrg(user, id, d, ['org_admin']);
  if (input.creditCode !== undefined && input.creditCode !== org.creditCode) {
    throw new InvalidInput(
      '统一社会信用代码登记后不能修改',
      { creditCode: '统一社会信用代码登记后不能修改' },
      'CREDIT_CODE_IMMUTABLE',
    );
  }
  if (input.kind !== undefined && input.kind !== org.kind) {
    throw new InvalidInput('企业类型登记后不能修改', { kind: '企业类型登记后不能修改' });
  }
  const current = org.version ?? 0;
  if (input.version !== undefined && input.version !== current) {
    throw new Conflict('企业信息已被他人修改，请刷新后重试', 'VERSION_CONFLICT');
  }
  const { version: _v, kind: _k, creditCode: _c, profile: profileInput, ...form } = input;
  // The profile's terms are computed here, when it is written, so that matching reads them instead of segmenting.
  const profile =
    profileInput === undefined
      ? org.profile
      : d.keywords
        ? profileWithTerms(profileInput, d.keywords)
        : { ...profileInput, terms: [] };
  const checked = checkOrg({ ...form, kind: org.kind, creditCode: org.creditCode });
  const changes = shareholderChanges(org, form.controllingShareholderCreditCode, d.now);
  const at = d.now.toISOString();
  const previous = org as OrgRecord;
  const next: OrgRecord = {
    ...form,
    ...(JSON.stringify(form.contact) === JSON.stringify(org.contact) && previous.contactUserId
      ? { contactUserId: previous.contactUserId }
      : { contactUserId: user.id }),
    id: org.id,
    kind: org.kind,
    creditCode: org.creditCode,
    ...(checked.size ? { size: checked.size } : {}),
    ...(profile ? { profile } : {}),
    authorityRegion: checked.authorityRegion,
    version: current + 1,
    createdAt: org.createdAt,
    updatedAt: at,
    ...(previous.affiliatesVersion !== undefined ? { affiliatesVersion: previous.affiliatesVersion } : {}),
    ...(previous.affiliatesGen !== undefined ? { affiliatesGen: previous.affiliatesGen } : {}),
    ...(changes.length > 0 ? { shareholderChanges: changes } : {}),
  };
  const profileChanged = profileInput !== undefined || org.name !== next.name || org.region !== next.region;
  const result = await d.repos.orgs.update(
    next,
    current,
    { objectType: 'org', objectId: org.id, action: 'update', actor: orgActor(user, org), at },
    profileChanged && d.profilePostings ? d.profilePostings(org, next) : [],
  );
  if (result === 'stale') throw new Conflict('企业信息已被他人修改，请刷新后重试', 'VERSION_CONFLICT');
  return { ...orgView(next), warnings: checked.warnings };
}

/** The current generation of an enterprise's affiliate list, as read with it ('' before its first import). */
export const affiliatesGenOf = (org: Org): string => (org as OrgRecord).affiliatesGen ?? '';
/** The version of an enterprise's affiliate list, as read with it (0 before its first change). */
export const affiliatesVersionOf = (org: Org): number => (org as OrgRecord).affiliatesVersion ?? 0;

/**
 * PUT /v1/orgs/{id}/affiliates: an issuer declares its subsidiaries, holdings, suppliers (by credit code): a large
 * enterprise, or an SME (SME 发榜, library area: the affiliation rules hold on its demands too).
 */
export async function putAffiliates(user: SessionUser, id: string, input: { affiliates: Affiliate[] }, d: OrgDeps) {
  const org = await loadOwnOrg(user, id, d, ['org_admin']);
  if (org.kind !== 'large' && org.kind !== 'sme') throw new Forbidden('仅发榜企业需要申报关联企业名单');
  const self = input.affiliates.findIndex((a) => a.creditCode === org.creditCode);
  if (self >= 0)
    throw new InvalidInput('关联企业名单不能包含本企业', {
      [`affiliates.${self}.creditCode`]: '不能填写本企业的统一社会信用代码',
    });
  const gen = affiliatesGenOf(org);
  const current = await d.repos.orgs.listAffiliates(id, gen);
  const result = await d.repos.orgs.replaceAffiliates(id, gen, current, input.affiliates, affiliatesVersionOf(org), {
    objectType: 'org',
    objectId: id,
    action: 'affiliates',
    actor: orgActor(user, org),
    comment: `关联企业 ${input.affiliates.length} 家`,
    at: d.now.toISOString(),
  });
  if (result === 'too_many_changes') {
    throw new InvalidInput(
      '一次最多新增或删除 49 家、修改 98 家关联企业（每家新增或删除还要更新它的反查记录），请分批保存或导入名单',
      { affiliates: '本次变更过多，请分批保存' },
      'TOO_MANY_CHANGES',
    );
  }
  if (result === 'stale') throw new Conflict('关联企业名单已被他人修改，请刷新后重试', 'VERSION_CONFLICT');
  return { affiliates: input.affiliates };
}

/** Invite codes: 12 characters without look-alikes (0/O, 1/I), ~60 bits, single use, 7 days. */
const INVITE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const INVITE_DAYS = 7;

/** POST /v1/orgs/{id}/invites (org_admin). */
export async function createInvite(user: SessionUser, id: string, d: OrgDeps) {
  await loadOwnOrg(user, id, d, ['org_admin']);
  const code = Array.from({ length: 12 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
  const expiresAt = new Date(d.now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  await d.repos.orgs.createInvite({ code, orgId: id, createdBy: user.id, createdAt: d.now.toISOString(), expiresAt });
  return { code, expiresAt };
}

/** POST /v1/invites/{code}/accept: join as org_member; the code works once. */
export async function acceptInvite(user: SessionUser, code: string, d: OrgDeps & { tokens: TokenService }) {
  if (isAuthorityAccount(user)) throw new Forbidden('主管部门和平台账号不能加入企业');
  if (user.orgId) throw new Conflict('您已加入一家企业', 'ALREADY_IN_ORG');
  const invite = await d.repos.orgs.getInvite(code);
  if (!invite || Date.parse(invite.expiresAt) <= d.now.getTime()) throw new NotFound('邀请码无效或已过期');
  const org = await d.repos.orgs.get(invite.orgId);
  if (!org) throw new NotFound('邀请码无效或已过期');
  const result = await d.repos.orgs.acceptInvite(
    invite,
    user.id,
    d.now,
    {
      objectType: 'org',
      objectId: org.id,
      action: 'join',
      actor: orgActor(user, org, 'org_member'),
      at: d.now.toISOString(),
    },
    org.creditCode,
  );
  if (result === 'gone') throw new NotFound('邀请码无效或已过期');
  if (result === 'already_in_org') throw new Conflict('您已加入一家企业', 'ALREADY_IN_ORG');
  const sessionUser = { id: user.id, roles: ['org_member'], orgId: org.id };
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    session: { ...(await d.tokens.issue(sessionUser, d.now)), user: sessionUser },
  };
}

/** GET /v1/orgs/{id}/members (any member). */
export async function listMembers(
  user: SessionUser,
  id: string,
  q: { limit: number; cursor?: string | undefined },
  d: OrgDeps,
) {
  await loadOwnOrg(user, id, d, ['org_admin', 'org_member', 'reviewer']);
  return d.repos.users.listMembers(id, q.limit, q.cursor);
}

const LAST_ADMIN_MESSAGE = '企业至少需要保留一名管理员：不能降级或移除最后一位管理员，请先将其他成员设为管理员';

/** The answer to a membership change the store refused (its conditions decided; see DynamoOrgRepository). */
function refusal(result: 'not_member' | 'not_admin' | 'last_admin'): never {
  if (result === 'not_member') throw new NotFound('该用户不是本企业成员');
  if (result === 'not_admin') throw new Forbidden('仅企业管理员可以进行此操作');
  throw new RuleViolation('LAST_ADMIN', LAST_ADMIN_MESSAGE);
}

/**
 * PUT /v1/orgs/{id}/members/{userId} (org_admin): e.g. make a member a reviewer. Takes effect at the member's next
 * request (rights are read from the store on each request, auth/membership.ts). The transaction requires the
 * caller to still be an admin and an admin to remain.
 */
export async function setMemberRoles(
  user: SessionUser,
  id: string,
  memberId: string,
  roles: string[],
  d: OrgDeps,
): Promise<Member> {
  const org = await loadOwnOrg(user, id, d, ['org_admin']);
  if (memberId === user.id) throw new RuleViolation('SELF_ROLE_CHANGE', '不能修改自己的角色，请由其他管理员操作');
  const result = await d.repos.orgs.setMemberRoles(id, user.id, memberId, roles, {
    objectType: 'org',
    objectId: id,
    action: 'member_roles',
    actor: orgActor(user, org),
    comment: `${memberId}: ${roles.join(',')}`,
    at: d.now.toISOString(),
  });
  if (result !== 'ok') refusal(result);
  return { id: memberId, roles };
}

/**
 * Remove a member from the enterprise (org_admin), or leave it (any member, `memberId` = the caller): the user
 * loses the enterprise and its roles atomically, with an audit event, and its token stops acting for the
 * enterprise at its next request. The last admin can neither be removed nor leave (422 LAST_ADMIN).
 * (The route, DELETE /v1/orgs/{id}/members/{userId}, comes with the route specs.)
 */
export async function removeMember(
  user: SessionUser,
  id: string,
  memberId: string,
  d: OrgDeps,
): Promise<{ id: string }> {
  const self = memberId === user.id;
  const org = await loadOwnOrg(user, id, d, self ? ['org_admin', 'org_member', 'reviewer'] : ['org_admin']);
  const result = await d.repos.orgs.removeMember(id, user.id, memberId, {
    objectType: 'org',
    objectId: id,
    action: 'member_remove',
    actor: orgActor(user, org, self ? (user.roles.find((r) => r.startsWith('org_')) ?? 'org_member') : 'org_admin'),
    comment: self ? `${memberId}: 退出企业` : `${memberId}: 移出企业`,
    at: d.now.toISOString(),
  });
  if (result !== 'ok') refusal(result);
  return { id: memberId };
}

/** Key of an upload: the enterprise's folder and a fresh id; applications may only reference their own. */
export const attachmentKey = (orgId: string, attachmentId: string) => `org/${orgId}/${attachmentId}.pdf`;

/** POST /v1/orgs/{id}/attachments: a signed upload for the stamped application PDF (org members). */
export async function createAttachmentUpload(
  user: SessionUser,
  id: string,
  input: { name: string; size: number; contentType: string },
  d: OrgDeps & { attachments: AttachmentStore },
) {
  await loadOwnOrg(user, id, d, ['org_admin', 'org_member']);
  const key = attachmentKey(id, ulid());
  const ticket = await d.attachments.createUpload(key, input.size, input.contentType, d.now);
  return {
    key,
    upload: { url: ticket.url, method: ticket.method, headers: ticket.headers },
    expiresAt: ticket.expiresAt,
  };
}

/**
 * POST /v1/orgs/{id}/attachments/{attachmentId}/confirm: check what arrived — by its content (`%PDF-`), never its
 * name — and record it, so that a submit can require it with a key lookup inside its transaction.
 */
export async function confirmAttachment(
  user: SessionUser,
  id: string,
  attachmentId: string,
  d: OrgDeps & { attachments: AttachmentStore },
) {
  await loadOwnOrg(user, id, d, ['org_admin', 'org_member']);
  const key = attachmentKey(id, attachmentId);
  const obj = await d.attachments.inspect(key);
  if (!obj) throw new Conflict('尚未收到上传的文件，请先上传', 'ATTACHMENT_NOT_UPLOADED');
  if (obj.size > MAX_ATTACHMENT_BYTES) throw new RuleViolation('ATTACHMENT_TOO_LARGE', '盖章扫描件不能超过 10 MB');
  if (!isPdf(obj.head))
    throw new RuleViolation('ATTACHMENT_NOT_PDF', '文件内容不是 PDF，请上传盖章申请书的 PDF 扫描件');
  await d.repos.orgs.putAttachment({
    id: attachmentId,
    orgId: id,
    key,
    size: obj.size,
    uploadedBy: user.id,
    createdAt: d.now.toISOString(),
  });
  return { key, size: obj.size };
}
