/**
 * 科技成果赋智 (issue 15): achievements (登记 → 报送 → 主管部门审核 → 成果库) and interests (意向 → 接受/婉拒 →
 * 洽谈中 → 已签约/已终止). Visibility is decided here: what the caller may not know exists is a 404.
 */
import { ulid } from 'ulid';
import {
  achievementTransition,
  contactsVisible,
  interestDecisions,
  interestTransition,
  isAchievementEditable,
  links,
  type Achievement,
  type AchievementDetail,
  type AchievementInput,
  type Actor,
  type Interest,
  type InterestDecision,
  type LibraryQuery,
  type Org,
  type SessionUser,
} from '@jiebang/shared';
import { authorityActor, inOrg, isMinistry, provinceOf } from '../auth/roles';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../domain/errors';
import {
  toLibraryCard,
  type DynamoLibraryRepository,
  type InterestRecord,
  type NotificationInput,
} from '../store/dynamo-library';
import type { Page, UserRecord } from '../store/repositories';
import type { KeywordExtractor } from './orgs';

export interface LibraryDeps {
  repos: {
    library: DynamoLibraryRepository;
    orgs: { get(id: string): Promise<Org | null> };
    /** Attaching a 技术经理人 reads the member. */
    users?: { get(id: string): Promise<UserRecord | null> };
  };
  now: Date;
  /** Terms of an achievement's text, computed when it is written (matching/keywords.ts). */
  keywords?: KeywordExtractor;
}

const MEMBER_ROLES = ['org_admin', 'org_member', 'tech_manager'];
const memberOf = (u: SessionUser, orgId: string) => inOrg(u, orgId, MEMBER_ROLES);
/**
 * A 技术经理人 who is not the organisation's admin sees only the interests attached to them (programmes.md §3),
 * whatever other member role they hold.
 */
const managerOnly = (u: SessionUser, orgId: string) =>
  inOrg(u, orgId, ['tech_manager']) && !inOrg(u, orgId, ['org_admin']);
/** A member who sees all of its organisation's interests. */
const interestMember = (u: SessionUser, orgId: string) => memberOf(u, orgId) && !managerOnly(u, orgId);
/**
 * The 技术经理人 attached to `i`, while they still hold the role in the organisation they were attached from (the
 * owner's own, or a service body or institute working for it; records written before that carry no orgId).
 */
const attachedTo = (u: SessionUser, i: InterestRecord) =>
  i.techManager?.id === u.id && inOrg(u, i.techManager.orgId ?? i.ownerOrgId, ['tech_manager']);
/** Organisations whose 技术经理人 may follow another organisation's interest (programmes.md §3). */
export const MANAGER_ORG_KINDS: readonly Org['kind'][] = ['service', 'institute'];
/**
 * The side of `i` the caller is on, and whether they may decide for it: a member of that side who is not only its
 * 技术经理人. A 技术经理人 of another organisation follows the interest for the owner and decides nothing.
 */
function sideOf(u: SessionUser, i: InterestRecord): { side: 'owner' | 'sender'; decides: boolean } {
  const side = memberOf(u, i.ownerOrgId) || !memberOf(u, i.senderOrgId) ? 'owner' : 'sender';
  const orgId = side === 'owner' ? i.ownerOrgId : i.senderOrgId;
  return { side, decides: memberOf(u, orgId) && !managerOnly(u, orgId) };
}
const isAuthorityOf = (u: SessionUser, a: Pick<Achievement, 'authorityRegion'>) =>
  isMinistry(u) || provinceOf(u) === a.authorityRegion;
const memberActor = (u: SessionUser, org: { id: string; name: string }): Actor => ({
  userId: u.id,
  role: u.roles.find((r) => MEMBER_ROLES.includes(r)) ?? 'org_member',
  orgId: org.id,
  name: org.name,
});

async function callerOrg(u: SessionUser, d: LibraryDeps): Promise<Org> {
  if (!u.orgId || !u.roles.some((r) => MEMBER_ROLES.includes(r))) {
    throw new Forbidden('请先登记或加入一家企业、高校或科研机构');
  }
  const org = await d.repos.orgs.get(u.orgId);
  if (!org) throw new Forbidden('请先登记或加入一家企业、高校或科研机构');
  return org;
}

const termsOf = (input: AchievementInput, d: LibraryDeps) =>
  d.keywords ? d.keywords([input.title, input.title, input.summary].join('\n')) : [];

/** POST /v1/achievements: a draft of the caller's organisation. */
export async function createAchievement(u: SessionUser, input: AchievementInput, d: LibraryDeps): Promise<Achievement> {
  const org = await callerOrg(u, d);
  const at = d.now.toISOString();
  const a: Achievement = {
    ...input,
    id: ulid(),
    ownerOrgId: org.id,
    ownerName: org.name,
    ownerKind: org.kind,
    region: org.region,
    authorityRegion: org.authorityRegion,
    status: 'draft',
    version: 1,
    terms: termsOf(input, d),
    createdAt: at,
    updatedAt: at,
  };
  await d.repos.library.create(a, {
    objectType: 'achievement',
    objectId: a.id,
    action: 'create',
    toStatus: 'draft',
    actor: memberActor(u, org),
    at,
  });
  return a;
}

async function ownAchievement(u: SessionUser, id: string, d: LibraryDeps): Promise<Achievement> {
  const a = await d.repos.library.get(id, true);
  if (!a || !memberOf(u, a.ownerOrgId)) throw new NotFound('科技成果不存在');
  return a;
}

const stale = () => new Conflict('科技成果已被他人处理，请刷新后重试', 'VERSION_CONFLICT');

/** PUT /v1/achievements/{id}: the owner edits a draft or a returned achievement. */
export async function updateAchievement(
  u: SessionUser,
  id: string,
  input: AchievementInput,
  d: LibraryDeps,
): Promise<Achievement> {
  const a = await ownAchievement(u, id, d);
  if (!isAchievementEditable(a.status)) throw new Conflict('已报送或已发布的成果不能修改', 'NOT_EDITABLE');
  const at = d.now.toISOString();
  const { openLicenseTerms: _o, fundedProject: _f, ...kept } = a;
  const next: Achievement = { ...kept, ...input, terms: termsOf(input, d), version: a.version + 1, updatedAt: at };
  const ok = await d.repos.library.transition(a, next, {
    objectType: 'achievement',
    objectId: id,
    action: 'update',
    actor: memberActor(u, { id: a.ownerOrgId, name: a.ownerName }),
    at,
  });
  if (!ok) throw stale();
  return next;
}

/** POST /v1/achievements/{id}/submit: to the authority of the owner's region. */
export async function submitAchievement(u: SessionUser, id: string, d: LibraryDeps): Promise<Achievement> {
  const a = await ownAchievement(u, id, d);
  const t = achievementTransition('submit', a.status, 'owner');
  if (!t) throw new Conflict('该成果当前状态不能报送', 'INVALID_TRANSITION');
  const at = d.now.toISOString();
  const { reviewComment: _r, ...rest } = a;
  const next: Achievement = { ...rest, status: t.to, version: a.version + 1, submittedAt: at, updatedAt: at };
  const ok = await d.repos.library.transition(a, next, {
    objectType: 'achievement',
    objectId: id,
    action: 'submit',
    fromStatus: a.status,
    toStatus: t.to,
    actor: memberActor(u, { id: a.ownerOrgId, name: a.ownerName }),
    at,
  });
  if (!ok) throw stale();
  return next;
}

/** GET /v1/review/achievements: the province's queue. */
export async function achievementQueue(
  u: SessionUser,
  q: { limit: number; cursor?: string | undefined },
  d: LibraryDeps,
): Promise<Page<Achievement>> {
  const region = provinceOf(u);
  if (!region) throw new Forbidden('仅省级中小企业主管部门可以审核科技成果');
  return d.repos.library.listQueue(region, q.limit, q.cursor);
}

/** POST /v1/review/achievements/{id}: publish or return (with a reason). */
export async function reviewAchievement(
  u: SessionUser,
  id: string,
  review: { decision: 'publish' | 'return'; comment?: string | undefined },
  d: LibraryDeps,
): Promise<Achievement> {
  const region = provinceOf(u);
  if (!region && !isMinistry(u)) throw new Forbidden('仅主管部门可以审核科技成果');
  const a = await d.repos.library.get(id, true);
  if (!a || !isAuthorityOf(u, a) || a.status === 'draft') throw new NotFound('科技成果不存在');
  const t = achievementTransition(review.decision, a.status, 'authority');
  if (!t) throw new Conflict('该成果已被处理，请刷新后查看', 'INVALID_TRANSITION');
  const at = d.now.toISOString();
  const { reviewComment: _r, ...rest } = a;
  const next: Achievement = {
    ...rest,
    status: t.to,
    version: a.version + 1,
    updatedAt: at,
    ...(review.comment ? { reviewComment: review.comment } : {}),
    ...(t.to === 'published' ? { publishedAt: at } : {}),
  };
  const ok = await d.repos.library.transition(a, next, {
    objectType: 'achievement',
    objectId: id,
    action: review.decision,
    fromStatus: a.status,
    toStatus: t.to,
    actor: authorityActor(u),
    ...(review.comment ? { comment: review.comment } : {}),
    at,
  });
  if (!ok) throw new Conflict('该成果已被处理，请刷新后查看', 'VERSION_CONFLICT');
  return next;
}

/** GET /v1/achievements: the public library, or (mine=1) every achievement of the caller's organisation. */
export async function listAchievements(
  u: SessionUser | null,
  q: LibraryQuery & { limit: number; cursor?: string | undefined },
  d: LibraryDeps,
) {
  if (q.mine) {
    if (!u?.orgId) throw new Forbidden('请先登记或加入一家企业、高校或科研机构');
    const page = await d.repos.library.listByOrg(u.orgId, q.limit, q.cursor);
    return {
      items: page.items.map((a) => toLibraryCard({ ...a, publishedAt: a.publishedAt ?? a.createdAt })),
      nextCursor: page.nextCursor,
    };
  }
  return d.repos.library.listLibrary(
    { field: q.field, maturity: q.maturity ? Number(q.maturity) : undefined, mode: q.mode, q: q.q },
    q.limit,
    q.cursor,
  );
}

/** GET /v1/achievements/{id}: public once published; the owner and its authority see the contact and more. */
export async function getAchievement(u: SessionUser | null, id: string, d: LibraryDeps): Promise<AchievementDetail> {
  const a = await d.repos.library.get(id);
  const owner = !!u && memberOf(u, a?.ownerOrgId ?? '');
  const authority = !!u && !!a && isAuthorityOf(u, a) && a.status !== 'draft';
  if (!a || (a.status !== 'published' && !owner && !authority)) throw new NotFound('科技成果不存在');
  const actions: AchievementDetail['allowedActions'] = [];
  if (owner && isAchievementEditable(a.status)) actions.push('edit', 'submit');
  if (authority && a.status === 'submitted') actions.push('publish', 'return');
  if (u?.orgId && !owner && a.status === 'published') actions.push('interest');
  const { publishedAt: _p, ...card } = toLibraryCard({ ...a, publishedAt: a.publishedAt ?? a.createdAt });
  return {
    ...card,
    ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
    ip: a.ip,
    status: a.status,
    ...(a.openLicenseTerms ? { openLicenseTerms: a.openLicenseTerms } : {}),
    ...(a.fundedProject ? { fundedProject: a.fundedProject } : {}),
    ...(owner || authority
      ? { contact: a.contact, version: a.version, ...(a.reviewComment ? { reviewComment: a.reviewComment } : {}) }
      : {}),
    allowedActions: actions,
  };
}

/** An interest as `u` sees it: contacts only from the acceptance on; the decisions its side may take. */
export function interestView(i: InterestRecord, u: SessionUser): Interest {
  const { side, decides } = sideOf(u, i);
  const { ownerContact, senderContact, ...rest } = i;
  return {
    ...rest,
    ...(contactsVisible(i.status, !!i.acceptedAt) ? { contacts: { owner: ownerContact, sender: senderContact } } : {}),
    // An attached 技术经理人 follows the interest; its organisation's members decide.
    allowedDecisions: decides ? interestDecisions(i.status, side) : [],
    side,
  };
}

/** POST /v1/achievements/{id}/interests: an organisation (not the owner) asks to talk; once per achievement. */
export async function createInterest(
  u: SessionUser,
  achievementId: string,
  input: { message: string },
  d: LibraryDeps,
): Promise<Interest> {
  const org = await callerOrg(u, d);
  const a = await d.repos.library.get(achievementId);
  if (!a || a.status !== 'published') throw new NotFound('科技成果不存在');
  if (a.ownerOrgId === org.id) throw new Conflict('不能对本单位的成果提出对接意向', 'OWN_ACHIEVEMENT');
  const at = d.now.toISOString();
  const i: InterestRecord = {
    id: ulid(),
    achievementId: a.id,
    achievementTitle: a.title,
    ownerOrgId: a.ownerOrgId,
    ownerName: a.ownerName,
    senderOrgId: org.id,
    senderName: org.name,
    message: input.message,
    status: 'pending',
    version: 1,
    createdAt: at,
    updatedAt: at,
    ownerContact: a.contact,
    senderContact: org.contact,
  };
  const result = await d.repos.library.createInterest(
    i,
    {
      objectType: 'interest',
      objectId: i.id,
      action: 'create',
      toStatus: 'pending',
      actor: memberActor(u, org),
      at,
    },
    // The owner is told in the same transaction (its inbox; the message itself stays in the interest).
    [
      interestNotice(
        i,
        'owner',
        at,
        '收到新的对接意向',
        `${org.name}对科技成果《${a.title}》提出了对接意向，请及时回复。`,
      ),
    ],
  );
  if (result === 'duplicate')
    throw new Conflict('本单位已对该成果提出过对接意向，请在“对接意向”中查看', 'INTEREST_EXISTS');
  if (result === 'not_published') throw new NotFound('科技成果不存在');
  return interestView(i, u);
}

async function visibleInterest(u: SessionUser, id: string, d: LibraryDeps): Promise<InterestRecord> {
  const i = await d.repos.library.getInterest(id);
  if (!i || !(interestMember(u, i.ownerOrgId) || interestMember(u, i.senderOrgId) || attachedTo(u, i)))
    throw new NotFound('对接意向不存在');
  return i;
}

/** GET /v1/interests/{id}: either side's members, and the 技术经理人 attached to it. */
export async function getInterest(u: SessionUser, id: string, d: LibraryDeps): Promise<Interest> {
  return interestView(await visibleInterest(u, id, d), u);
}

/** GET /v1/interests?box=received|sent. */
export async function listInterests(
  u: SessionUser,
  q: { box: 'received' | 'sent'; limit: number; cursor?: string | undefined },
  d: LibraryDeps,
) {
  const org = await callerOrg(u, d);
  // A 技术经理人 (not the admin) sees only what is attached to them, by its own organisation or by another one.
  if (managerOnly(u, org.id)) {
    if (q.box === 'sent') return { items: [], nextCursor: null };
    const page = await d.repos.library.listManagedInterests(u.id, q.limit, q.cursor);
    return {
      items: page.items.filter((i) => attachedTo(u, i)).map((i) => interestView(i, u)),
      nextCursor: page.nextCursor,
    };
  }
  const page = await d.repos.library.listInterests(q.box, org.id, q.limit, q.cursor);
  return { items: page.items.map((i) => interestView(i, u)), nextCursor: page.nextCursor };
}

/** POST /v1/interests/{id}: accept / decline (owner), sign / close (either side once talking). */
export async function decideInterest(
  u: SessionUser,
  id: string,
  input: { decision: InterestDecision; comment?: string | undefined },
  d: LibraryDeps,
): Promise<Interest> {
  const i = await visibleInterest(u, id, d);
  const { side, decides } = sideOf(u, i);
  if (!decides)
    throw new Forbidden('技术经理人可以查看指派给自己的对接意向，接受、婉拒、签约或终止由本单位管理员或成员操作');
  const t = interestTransition(input.decision, i.status, side);
  if (!t) {
    if (interestDecisions(i.status, side === 'owner' ? 'sender' : 'owner').includes(input.decision))
      throw new Forbidden(side === 'sender' ? '仅成果单位可以接受或婉拒对接意向' : '该操作只能由意向方进行');
    throw new Conflict('该对接意向当前状态不能进行此操作，请刷新后查看', 'INVALID_TRANSITION');
  }
  const at = d.now.toISOString();
  const next: InterestRecord = {
    ...i,
    status: t.to,
    version: i.version + 1,
    updatedAt: at,
    ...(input.decision === 'accept' ? { acceptedAt: at } : {}),
  };
  const ok = await d.repos.library.decideInterest(
    i,
    next,
    {
      objectType: 'interest',
      objectId: id,
      action: input.decision,
      fromStatus: i.status,
      toStatus: t.to,
      actor: memberActor(
        u,
        side === 'owner' ? { id: i.ownerOrgId, name: i.ownerName } : { id: i.senderOrgId, name: i.senderName },
      ),
      ...(input.comment ? { comment: input.comment } : {}),
      at,
    },
    [decisionNotice(next, input.decision, side, at)],
  );
  if (!ok) throw new Conflict('该对接意向已被处理，请刷新后查看', 'VERSION_CONFLICT');
  return interestView(next, u);
}

/** Interests a 技术经理人 may be attached to or detached from: before they end. */
const MANAGEABLE: InterestRecord['status'][] = ['pending', 'talking'];

const managerField = (message: string) => ({ userId: message });

/**
 * Who may be attached to interest `i` (programmes.md §3): a user with role tech_manager in the owner's organisation,
 * or in a 服务机构 or 科研院所 other than the sender. Each refusal is a 422 on `userId`, named so the admin knows what
 * to fix. Returns the manager as the interest records them.
 */
export async function managerToAttach(
  i: Pick<InterestRecord, 'ownerOrgId' | 'senderOrgId'>,
  userId: string,
  d: Pick<LibraryDeps, 'repos'>,
): Promise<NonNullable<InterestRecord['techManager']>> {
  const member = await d.repos.users!.get(userId);
  if (!member)
    throw new RuleViolation(
      'UNKNOWN_TECH_MANAGER',
      '未找到该技术经理人编号，请核对后重新输入',
      managerField('未找到该编号，请让技术经理人在“我的”页面复制其技术经理人编号'),
    );
  if (!member.orgId || !member.roles.includes('tech_manager'))
    throw new RuleViolation(
      'NOT_TECH_MANAGER',
      member.orgId === i.ownerOrgId
        ? '所选成员不是本单位的技术经理人，请先在成员管理中为其设置该角色'
        : '该用户不是技术经理人，请核对编号',
      managerField('请选择本单位或服务机构、科研院所中角色为技术经理人的成员'),
    );
  // Named as the members page names them (WeChat shares no name): the end of the id.
  const name = (member.displayName ?? `成员 ${member.id.slice(-6).toUpperCase()}`).slice(0, 50);
  if (member.orgId === i.ownerOrgId) return { id: member.id, name };
  if (member.orgId === i.senderOrgId)
    throw new RuleViolation(
      'TECH_MANAGER_OF_SENDER',
      '该技术经理人属于意向方单位，不能代表成果单位跟进此意向',
      managerField('请选择本单位或第三方服务机构、科研院所的技术经理人'),
    );
  const org = await d.repos.orgs.get(member.orgId);
  if (!org || !MANAGER_ORG_KINDS.includes(org.kind))
    throw new RuleViolation(
      'TECH_MANAGER_ORG_KIND',
      '只能指派本单位或服务机构、科研院所的技术经理人，该技术经理人所在单位不属于这两类',
      managerField('该技术经理人所在单位不是服务机构或科研院所'),
    );
  return { id: member.id, name, orgId: org.id, orgName: org.name.slice(0, 50) };
}

/**
 * PUT /v1/interests/{id}/tech-manager: the owner's admin attaches a 技术经理人 (`managerToAttach`: its own, or a
 * service body's or an institute's) or detaches with null. The manager then sees the interest (and only the
 * interests attached to them) and is told in the same transaction.
 */
export async function attachTechManager(
  u: SessionUser,
  id: string,
  input: { userId: string | null },
  d: LibraryDeps,
): Promise<Interest> {
  const i = await visibleInterest(u, id, d);
  if (!inOrg(u, i.ownerOrgId, ['org_admin'])) throw new Forbidden('仅成果单位的管理员可以指派技术经理人');
  if (!MANAGEABLE.includes(i.status))
    throw new Conflict('该对接意向已结束，不能再指派技术经理人', 'INVALID_TRANSITION');
  if ((i.techManager?.id ?? null) === input.userId) return interestView(i, u);
  const manager = input.userId ? await managerToAttach(i, input.userId, d) : undefined;
  const at = d.now.toISOString();
  const { techManager: _previous, ...rest } = i;
  const next: InterestRecord = {
    ...rest,
    ...(manager ? { techManager: manager } : {}),
    version: i.version + 1,
    updatedAt: at,
  };
  const result = await d.repos.library.attachTechManager(
    i,
    next,
    {
      objectType: 'interest',
      objectId: id,
      action: manager ? 'attach_tech_manager' : 'detach_tech_manager',
      actor: memberActor(u, { id: i.ownerOrgId, name: i.ownerName }),
      ...(manager ? { comment: `技术经理人：${manager.name}` } : {}),
      at,
    },
    manager
      ? [
          {
            to: `user:${manager.id}`,
            kind: 'interest_update',
            title: '您被指派为对接意向的技术经理人',
            body: `${i.ownerName}指派您跟进${i.senderName}对《${i.achievementTitle}》的对接意向。`.slice(0, 500),
            link: links.interest(i.id, 'received'),
            objectType: 'interest',
            objectId: i.id,
            createdAt: at,
          },
        ]
      : [],
  );
  if (result === 'changed') throw new Conflict('该对接意向已被处理，请刷新后查看', 'VERSION_CONFLICT');
  if (result === 'not_manager')
    throw new RuleViolation(
      'NOT_TECH_MANAGER',
      '该用户已不是所在单位的技术经理人，请刷新后重新选择',
      managerField('请选择角色为技术经理人的成员'),
    );
  return interestView(next, u);
}

/** A notification about interest `i` to one of its two organisations (library area). */
function interestNotice(
  i: InterestRecord,
  to: 'owner' | 'sender',
  at: string,
  title: string,
  body: string,
): NotificationInput {
  return {
    to: `org:${to === 'owner' ? i.ownerOrgId : i.senderOrgId}`,
    kind: 'interest_update',
    title,
    body: body.slice(0, 500),
    link: links.interest(i.id, to === 'owner' ? 'received' : 'sent'),
    objectType: 'interest',
    objectId: i.id,
    createdAt: at,
  };
}

const DECISION_NOTICES: Record<InterestDecision, { title: string; body: (i: InterestRecord) => string }> = {
  accept: {
    title: '对接意向已被接受',
    body: (i) =>
      `${i.ownerName}已接受贵单位对《${i.achievementTitle}》的对接意向，双方联系方式已可在“对接意向”中查看。`,
  },
  decline: {
    title: '对接意向未被接受',
    body: (i) => `${i.ownerName}婉拒了贵单位对《${i.achievementTitle}》的对接意向。`,
  },
  sign: { title: '对接已签约', body: (i) => `《${i.achievementTitle}》的对接已标记为已签约。` },
  close: { title: '对接已终止', body: (i) => `《${i.achievementTitle}》的对接已终止。` },
};

/** The other side of a decision is told: the sender of an accept or decline, either side of a sign or close. */
function decisionNotice(
  i: InterestRecord,
  decision: InterestDecision,
  side: 'owner' | 'sender',
  at: string,
): NotificationInput {
  const notice = DECISION_NOTICES[decision];
  return interestNotice(i, side === 'owner' ? 'sender' : 'owner', at, notice.title, notice.body(i));
}
