/**
 * 百场万企 matchmaking events (programmes.md §1): an authority organises an event (draft → published →
 * cancelled; `closed` once it has ended), enterprises register as hosts or participants, the organiser approves
 * within the capacity, fixes the 预对接企业名单 and checks passes in; both sides arrange 1:1 meetings in slots and
 * record outcomes the other side confirms. Visibility: a draft, the registrations, the pre-match list, check-in and
 * the export belong to the organiser (anyone else: 404); a registrant sees its own registration, the approved
 * registrants' public part and a counterpart's contact only once their meeting is accepted.
 */
import { createHash, randomInt } from 'node:crypto';
import {
  EVENT_STATUSES,
  links,
  REGISTRATION_ROLES,
  type EventInput,
  type MatchEvent,
  type Meeting,
  type Registrant,
  type Registration,
  type RegistrationInput,
  type SessionUser,
  type Org,
} from '@jiebang/shared';
import { ulid } from 'ulid';
import { authorityActor, inOrg, organiserPrincipalOf } from '../auth/roles';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../domain/errors';
import { eventStatsRegion } from '../domain/stats';
import { sheetXlsx } from '../exports/xlsx';
import { extractKeywords } from '../matching/keywords';
import { explainPairs, suggestPairs, type MatchSide } from '../matching/prematch';
import type { DynamoDemandRepository } from '../store/dynamo-demands';
import type {
  DynamoEventRepository,
  EventChange,
  EventRecord,
  MeetingRecord,
  OutcomeRecord,
  RegistrationRecord,
} from '../store/dynamo-events';
import type { DynamoOrgRepository } from '../store/dynamo-orgs';
import { eventKeys } from '../store/keys';
import { refusedAs, TransactionRefused } from '../store/transact';

export interface EventDeps {
  repos: { events: DynamoEventRepository; orgs?: DynamoOrgRepository; demands?: DynamoDemandRepository };
  now: Date;
}

const DAY = 86_400_000;
/** Outcomes may still be recorded for 30 days after the event (programmes.md §1). */
export const OUTCOME_WINDOW_DAYS = 30;

// ---- who ----

/** The principal an authority user organises as (auth/roles.ts, where the audit trail's visibility reads it too). */
export { organiserPrincipalOf };

const isOrganiser = (user: SessionUser | null, e: Pick<EventRecord, 'organiser'>) =>
  !!user && organiserPrincipalOf(user) === e.organiser.principal;

/** The registration id of an enterprise at an event: derived, so one per enterprise is the key itself. */
export function registrationIdOf(eventId: string, orgId: string): string {
  return `r${createHash('sha256').update(`${eventId}:${orgId}`).digest('base64url').slice(0, 25)}`;
}

/**
 * A pending registration of `org` at `e` (the seed writes its demo registrations with it too). Keywords are
 * computed here, when the text is written, never on a read (the segmenter loads in ≈ 0.5 s).
 */
export function newRegistration(
  e: EventRecord,
  org: Org,
  input: Pick<RegistrationRecord, 'role' | 'offers' | 'needs' | 'fields' | 'demands'> & { at: string },
): RegistrationRecord {
  const { at, ...given } = input;
  return {
    id: registrationIdOf(e.id, org.id),
    eventId: e.id,
    eventTitle: e.title,
    eventStartsAt: e.startsAt,
    orgId: org.id,
    orgName: org.name,
    orgKind: org.kind,
    orgRegion: org.region,
    ...given,
    qualifications: org.qualifications ?? [],
    status: 'pending',
    contact: org.contact,
    version: 1,
    createdAt: at,
    organiserPrincipal: e.organiser.principal,
    statsRegion: eventStatsRegion(e.region),
    needTerms: extractKeywords([input.needs, ...input.demands.map((x) => x.title)].join('\n')),
    offerTerms: extractKeywords(input.offers),
  };
}

/** 12 characters of an alphabet without look-alikes (no 0/O, 1/I): ≈ 60 bits, unguessable, typed by hand in H5. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function newCheckInCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

// ---- views ----

export function eventView(e: EventRecord, now: Date): MatchEvent {
  const closed = e.status === 'published' && Date.parse(e.endsAt) <= now.getTime();
  const { acceptedMeetings: _kept, ...shown } = e;
  return {
    ...shown,
    approvedCount: e.approvedCount ?? 0,
    checkedInCount: e.checkedInCount ?? 0,
    confirmedOutcomes: e.confirmedOutcomes ?? 0,
    contractAmount: e.contractAmount ?? 0,
    status: closed ? 'closed' : e.status,
  };
}

export function registrationView(r: RegistrationRecord): Registration {
  const { organiserPrincipal: _p, needTerms: _n, offerTerms: _o, checkInCode: _c, statsRegion: _s, ...view } = r;
  return view;
}

export function registrantView(r: RegistrationRecord): Registrant {
  return {
    id: r.id,
    orgName: r.orgName,
    orgKind: r.orgKind,
    orgRegion: r.orgRegion,
    role: r.role,
    offers: r.offers,
    needs: r.needs,
    fields: r.fields,
    qualifications: r.qualifications,
    demands: r.demands,
  };
}

const matchSide = (r: RegistrationRecord): MatchSide => ({
  id: r.id,
  orgName: r.orgName,
  orgRegion: r.orgRegion,
  fields: r.fields,
  qualifications: r.qualifications,
  needTerms: r.needTerms ?? [],
  offerTerms: r.offerTerms ?? [],
});

// ---- reads with visibility ----

/** The event as the organiser may act on it: anyone else gets 404 (a draft's existence is not public). */
async function organisedEvent(user: SessionUser, id: string, d: EventDeps): Promise<EventRecord> {
  const e = await d.repos.events.getEvent(id, true);
  if (!e || !isOrganiser(user, e)) throw new NotFound('活动不存在');
  return e;
}

/** The caller's enterprise's registration of the event, or 404. */
async function ownRegistration(user: SessionUser, eventId: string, d: EventDeps): Promise<RegistrationRecord> {
  if (!user.orgId || !inOrg(user, user.orgId)) throw new NotFound('本企业未报名这场活动');
  const r = await d.repos.events.getRegistration(eventId, registrationIdOf(eventId, user.orgId), true);
  if (!r) throw new NotFound('本企业未报名这场活动');
  return r;
}

const audit = (
  e: Pick<EventRecord, 'id'>,
  action: string,
  actor: EventChange['audit']['actor'],
  at: string,
  extra: Partial<EventChange['audit']> = {},
): EventChange['audit'] => ({ objectType: 'event', objectId: e.id, action, actor, at, ...extra });

const orgActor = (user: SessionUser, orgName: string): EventChange['audit']['actor'] => ({
  userId: user.id,
  role: user.roles.includes('org_admin') ? 'org_admin' : 'org_member',
  orgId: user.orgId ?? undefined,
  name: orgName,
});

const note = (
  to: string,
  kind: string,
  title: string,
  body: string,
  link: string,
  objectId: string,
  at: string,
): EventChange['notifications'][number] => ({
  to,
  kind,
  title,
  body: body.slice(0, 500),
  link,
  objectType: 'event',
  objectId,
  createdAt: at,
});

/**
 * A meeting's or an outcome's change, made by one participant towards the other: the event's audit event in the
 * acting organisation's name (the other named in its comment), and one notification to the other organisation that
 * links to its pass of the event.
 */
const betweenParticipants = (
  user: SessionUser,
  eventId: string,
  action: string,
  byOrgName: string,
  other: { orgId: string; orgName: string },
  notice: { kind: string; title: string; body: string },
  at: string,
): EventChange => ({
  audit: audit({ id: eventId }, action, orgActor(user, byOrgName), at, { comment: other.orgName }),
  notifications: [
    note(`org:${other.orgId}`, notice.kind, notice.title, notice.body, links.myEventPass(eventId), eventId, at),
  ],
});

/** Which side of a meeting or an outcome acts on it (first) and the other, and what a wrong caller is told. */
interface Sides<T> {
  of: (x: T) => [acting: string, other: string];
  gone: string;
  otherSide: string;
}
const MEETING_SIDES: Sides<MeetingRecord> = {
  of: (m) => [m.toOrgId, m.fromOrgId],
  gone: '洽谈不存在',
  otherSide: '洽谈由被预约方接受或婉拒',
};
const OUTCOME_SIDES: Sides<OutcomeRecord> = {
  of: (o) => [o.withOrgId, o.byOrgId],
  gone: '对接成果不存在',
  otherSide: '对接成果由对方确认',
};

/**
 * A meeting or an outcome, read by the participant that acts on it: 404 unless the caller's organisation is one of
 * its two sides, 403 unless it is the acting one.
 */
function ofActingSide<T>(user: SessionUser, x: T | null, sides: Sides<T>): T {
  const [acting, other] = x ? sides.of(x) : [];
  if (!x || !user.orgId || !inOrg(user, user.orgId) || (acting !== user.orgId && other !== user.orgId))
    throw new NotFound(sides.gone);
  if (acting !== user.orgId) throw new Forbidden(sides.otherSide);
  return x;
}

// ---- events ----

export async function createEvent(user: SessionUser, input: EventInput, d: EventDeps): Promise<MatchEvent> {
  const principal = organiserPrincipalOf(user);
  if (!principal) throw new Forbidden('只有中小企业主管部门可以创建对接活动');
  const at = d.now.toISOString();
  const actor = authorityActor(user);
  const e: EventRecord = {
    ...input,
    id: ulid(d.now.getTime()),
    status: 'draft',
    organiser: { principal, name: actor.name ?? '主管部门' },
    approvedCount: 0,
    checkedInCount: 0,
    confirmedOutcomes: 0,
    contractAmount: 0,
    version: 1,
    createdAt: at,
  };
  await d.repos.events.createEvent(e, {
    audit: audit(e, 'create', actor, at, { toStatus: 'draft' }),
    notifications: [],
  });
  return eventView(e, d.now);
}

export async function publishEvent(user: SessionUser, id: string, d: EventDeps): Promise<MatchEvent> {
  const e = await organisedEvent(user, id, d);
  if (e.status !== 'draft')
    throw new Conflict(`活动当前为“${EVENT_STATUSES[e.status]}”，只有草稿可以发布`, 'INVALID_STATE');
  if (Date.parse(e.registrationDeadline) <= d.now.getTime())
    throw new RuleViolation('DEADLINE_PASSED', '报名截止时间已过，请新建活动并设置新的时间');
  const at = d.now.toISOString();
  const after: EventRecord = { ...e, status: 'published', version: e.version + 1, publishedAt: at };
  await changeEvent(
    e,
    after,
    {
      audit: audit(e, 'publish', authorityActor(user), at, { fromStatus: 'draft', toStatus: 'published' }),
      notifications: [],
    },
    d,
  );
  return eventView(after, d.now);
}

export async function cancelEvent(user: SessionUser, id: string, reason: string, d: EventDeps): Promise<MatchEvent> {
  // A cancel takes off the statistics of what the event counted, conditional on its counts being the ones read: an
  // approval, accept or confirmation landing in between makes it read again (a few times, then 409).
  for (let attempt = 0; ; attempt++) {
    const e = await organisedEvent(user, id, d);
    const view = eventView(e, d.now);
    if (view.status === 'cancelled' || view.status === 'closed')
      throw new Conflict(`活动${EVENT_STATUSES[view.status]}，不能取消`, 'INVALID_STATE');
    const at = d.now.toISOString();
    const after: EventRecord = {
      ...e,
      status: 'cancelled',
      version: e.version + 1,
      cancelledAt: at,
      cancelReason: reason,
    };
    let outcome: 'cancelled' | 'stale';
    try {
      outcome = await d.repos.events.cancelEvent(e, after, {
        audit: audit(e, 'cancel', authorityActor(user), at, {
          fromStatus: e.status,
          toStatus: 'cancelled',
          comment: reason,
        }),
        notifications: [],
      });
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      outcome = 'stale';
    }
    if (outcome === 'cancelled') {
      await notifyCancelled(e, reason, at, d);
      return eventView(after, d.now);
    }
    if (attempt >= CANCEL_ATTEMPTS - 1) throw new Conflict('活动状态已变化，请刷新后重试', 'VERSION_CONFLICT');
    await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
  }
}

const CANCEL_ATTEMPTS = 6;

async function notifyCancelled(e: EventRecord, reason: string, at: string, d: EventDeps) {
  const id = e.id;
  // Every registrant hears of it: fanned out after the change (an event may have hundreds).
  const orgs = new Set((await d.repos.events.allRegistrations(id)).map((r) => r.orgId));
  await d.repos.events.notify(
    [...orgs].map((orgId) =>
      note(
        `org:${orgId}`,
        'event_cancelled',
        '对接活动已取消',
        `“${e.title}”已取消：${reason}`,
        links.publicEvent(id),
        id,
        at,
      ),
    ),
  );
}

async function changeEvent(before: EventRecord, after: EventRecord, change: EventChange, d: EventDeps) {
  await refusedAs(
    d.repos.events.transitionEvent(before, after, change),
    () => new Conflict('活动状态已变化，请刷新后重试', 'VERSION_CONFLICT'),
  );
}

/** GET /v1/events/{id}: public once published; a draft only to its organiser. */
export async function getEvent(user: SessionUser | null, id: string, d: EventDeps): Promise<MatchEvent> {
  const e = await d.repos.events.getEvent(id);
  if (!e || (e.status === 'draft' && !isOrganiser(user, e))) throw new NotFound('活动不存在');
  return eventView(e, d.now);
}

export async function listCalendar(
  q: {
    region?: string | undefined;
    chain?: string | undefined;
    type?: string | undefined;
    upcoming?: '1' | '0' | undefined;
    limit: number;
    cursor?: string | undefined;
  },
  d: EventDeps,
) {
  const scope = eventKeys.calendarScope(q);
  const page = await d.repos.events.listCalendar(scope, q.upcoming === '1', d.now, q.limit, q.cursor);
  return {
    items: page.items.map((c) =>
      c.status === 'published' && Date.parse(c.endsAt) <= d.now.getTime() ? { ...c, status: 'closed' as const } : c,
    ),
    nextCursor: page.nextCursor,
  };
}

export async function listOrganised(
  user: SessionUser,
  q: { limit: number; cursor?: string | undefined },
  d: EventDeps,
) {
  const principal = organiserPrincipalOf(user);
  if (!principal) throw new Forbidden('只有中小企业主管部门可以主办对接活动');
  const page = await d.repos.events.listOrganised(principal, q.limit, q.cursor);
  return { items: page.items.map((e) => eventView(e, d.now)), nextCursor: page.nextCursor };
}

// ---- registrations ----

export async function register(user: SessionUser, eventId: string, input: RegistrationInput, d: EventDeps) {
  if (!user.orgId || !inOrg(user, user.orgId)) throw new Forbidden('请先登记企业，再以企业身份报名');
  const e = await d.repos.events.getEvent(eventId);
  if (!e || e.status === 'draft') throw new NotFound('活动不存在');
  if (e.status === 'cancelled') throw new RuleViolation('EVENT_NOT_OPEN', '活动已取消，不能报名');
  if (Date.parse(e.registrationDeadline) <= d.now.getTime())
    throw new RuleViolation('REGISTRATION_CLOSED', '报名已截止');
  const org = await d.repos.orgs!.get(user.orgId);
  if (!org) throw new Forbidden('请先登记企业，再以企业身份报名');
  if (input.role === 'host' && org.kind !== 'large')
    throw new RuleViolation('HOST_NOT_LARGE', '发布需求的身份面向大企业；中小企业请以“参会对接”身份报名', {
      role: '中小企业请选择“参会对接”',
    });
  // Up to five reads, side by side: the host waits for one round trip, not five.
  const attached = await Promise.all([...new Set(input.demandIds)].map((id) => d.repos.demands!.get(id)));
  const demands = [];
  for (const dm of attached) {
    if (!dm || dm.issuerOrgId !== org.id || dm.status !== 'published')
      throw new RuleViolation('DEMAND_NOT_ATTACHABLE', '只能关联本企业已发布的需求', {
        demandIds: '请选择本企业已发布的需求',
      });
    // Shown beside the host's name, an anonymous demand would name its issuer.
    if (dm.anonymous)
      throw new RuleViolation('DEMAND_NOT_ATTACHABLE', '匿名发布的需求不能关联到活动：关联后会公开发榜企业名称', {
        demandIds: '请选择非匿名发布的需求',
      });
    demands.push({ id: dm.id, title: dm.title, field: dm.field });
  }
  const at = d.now.toISOString();
  const r = newRegistration(e, org, {
    role: input.role,
    offers: input.offers,
    needs: input.needs,
    fields: [...new Set([...input.fields, ...demands.map((x) => x.field)])],
    demands: demands.map(({ id, title }) => ({ id, title })),
    at,
  });
  await refusedAs(
    d.repos.events.createRegistration(r, {
      audit: audit(e, 'register', orgActor(user, org.name), at, { comment: REGISTRATION_ROLES[input.role] }),
      notifications: [
        note(
          e.organiser.principal,
          'event_registration',
          '有新的活动报名待审核',
          `${org.name} 报名参加“${e.title}”（${REGISTRATION_ROLES[input.role]}）。`,
          links.organiserEvent(eventId),
          eventId,
          at,
        ),
      ],
    }),
    (refused) =>
      refused.by('already_registered')
        ? new Conflict('本企业已报名这场活动', 'ALREADY_REGISTERED')
        : new RuleViolation('EVENT_NOT_OPEN', '活动已不在报名中'),
  );
  return registrationView(r);
}

export async function decideRegistration(
  user: SessionUser,
  eventId: string,
  regId: string,
  input: { decision: 'approve' | 'reject'; comment?: string | undefined },
  d: EventDeps,
): Promise<Registration> {
  const e = await organisedEvent(user, eventId, d);
  const r = await d.repos.events.getRegistration(eventId, regId, true);
  if (!r) throw new NotFound('报名不存在');
  if (r.status !== 'pending') throw new Conflict('这条报名已审核过', 'ALREADY_DECIDED');
  const at = d.now.toISOString();
  const approve = input.decision === 'approve';
  const change: EventChange = {
    audit: audit(e, approve ? 'approve_registration' : 'reject_registration', authorityActor(user), at, {
      comment: `${r.orgName}${input.comment ? `：${input.comment}` : ''}`.slice(0, 500),
    }),
    notifications: [
      note(
        `org:${r.orgId}`,
        'event_registration_decided',
        approve ? '活动报名已通过' : '活动报名未通过',
        approve
          ? `您报名的“${e.title}”已通过审核，参会凭证（签到二维码）已生成。`
          : `您报名的“${e.title}”未通过审核：${input.comment ?? ''}`,
        links.myEventPass(eventId),
        eventId,
        at,
      ),
    ],
  };
  for (let attempt = 0; ; attempt++) {
    const after: RegistrationRecord = {
      ...r,
      status: approve ? 'approved' : 'rejected',
      version: r.version + 1,
      decidedAt: at,
      ...(input.comment ? { comment: input.comment } : {}),
      ...(approve ? { checkInCode: newCheckInCode() } : {}),
    };
    try {
      await d.repos.events.decideRegistration(r, after, change);
      return registrationView(after);
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      if (err.by('registration_changed')) throw new Conflict('这条报名已审核过', 'ALREADY_DECIDED');
      if (err.by('capacity_full')) {
        // One condition guards both the seats and the event's status: the event as it is now says which refused (a
        // cancel racing the approval is not a full house).
        const now = await d.repos.events.getEvent(eventId, true);
        if (now?.status === 'published')
          throw new Conflict(`名额已满（${now.capacity ?? 0} 个），不能再通过报名`, 'CAPACITY_FULL');
        throw new Conflict(
          now?.status === 'cancelled' ? '活动已取消，不能再通过报名' : '活动已不在报名中',
          'EVENT_NOT_OPEN',
        );
      }
      if (!err.by('code_taken') || attempt >= 3) throw err;
    }
  }
}

export async function listRegistrations(
  user: SessionUser,
  eventId: string,
  q: { limit: number; cursor?: string | undefined },
  d: EventDeps,
) {
  await organisedEvent(user, eventId, d);
  const page = await d.repos.events.listRegistrations(eventId, q.limit, q.cursor);
  return { items: page.items.map(registrationView), nextCursor: page.nextCursor };
}

export async function listMyRegistrations(
  user: SessionUser,
  q: { limit: number; cursor?: string | undefined },
  d: EventDeps,
) {
  if (!user.orgId || !inOrg(user, user.orgId)) return { items: [], nextCursor: null };
  const page = await d.repos.events.listByOrg(user.orgId, q.limit, q.cursor);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      eventTitle: r.eventTitle,
      eventStartsAt: r.eventStartsAt,
      role: r.role,
      status: r.status,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The own registration with its pass, fixed partners, meetings (contact once accepted) and outcomes. */
export async function myRegistration(user: SessionUser, eventId: string, d: EventDeps) {
  const r = await ownRegistration(user, eventId, d);
  const [prematch, meetings, outcomes] = await Promise.all([
    d.repos.events.getPrematch(eventId),
    d.repos.events.meetingsOfEvent(eventId),
    d.repos.events.outcomesOfEvent(eventId),
  ]);
  const mine = meetings.filter((m) => m.fromRegistrationId === r.id || m.toRegistrationId === r.id);
  return {
    registration: registrationView(r),
    pass: r.status === 'approved' && r.checkInCode ? { code: r.checkInCode } : null,
    partners: (prematch?.pairs ?? []).filter(
      (p) => p.hostRegistrationId === r.id || p.participantRegistrationId === r.id,
    ),
    meetings: await Promise.all(mine.map((m) => meetingView(m, r.id, d))),
    outcomes: outcomes.filter((o) => o.byRegistrationId === r.id || o.withRegistrationId === r.id).map(outcomeView),
  };
}

/** The meeting as one side sees it: the other side's contact only once accepted. */
async function meetingView(m: MeetingRecord, ownRegId: string, d: EventDeps): Promise<Meeting> {
  const { fromOrgId: _f, toOrgId: _t, statsRegion: _s, ...view } = m;
  if (m.status !== 'accepted') return view;
  const other = await d.repos.events.getRegistration(
    m.eventId,
    m.fromRegistrationId === ownRegId ? m.toRegistrationId : m.fromRegistrationId,
  );
  return other ? { ...view, counterpartContact: other.contact } : view;
}

const outcomeView = (o: OutcomeRecord) => {
  const { byOrgId: _b, withOrgId: _w, statsRegion: _s, ...view } = o;
  return view;
};

/** Approved registrants' public part, for those approved at the event (and its organiser). */
export async function directory(user: SessionUser, eventId: string, d: EventDeps) {
  const e = await d.repos.events.getEvent(eventId);
  if (!e || e.status === 'draft') throw new NotFound('活动不存在');
  if (!isOrganiser(user, e)) {
    const own = await ownRegistration(user, eventId, d);
    if (own.status !== 'approved') throw new NotFound('报名通过审核后可以查看参会企业');
  }
  const all = await d.repos.events.allRegistrations(eventId);
  return { items: all.filter((r) => r.status === 'approved').map(registrantView) };
}

// ---- check-in ----

export async function checkIn(user: SessionUser, eventId: string, code: string, d: EventDeps) {
  const e = await organisedEvent(user, eventId, d);
  if (e.status !== 'published') throw new Conflict('活动不在进行中，不能签到', 'EVENT_NOT_OPEN');
  const regId = await d.repos.events.registrationIdOfCode(eventId, code);
  const r = regId ? await d.repos.events.getRegistration(eventId, regId, true) : null;
  if (!r) throw new NotFound('签到码无效：请核对参会凭证是否属于本场活动');
  const at = d.now.toISOString();
  await refusedAs(
    d.repos.events.checkIn(r, code, at, {
      audit: audit(e, 'check_in', authorityActor(user), at, { comment: r.orgName }),
      notifications: [],
    }),
    () =>
      new Conflict(
        r.checkedInAt ? `${r.orgName} 已于 ${beijing(r.checkedInAt)} 签到，签到码只能使用一次` : '该签到码已使用',
        'ALREADY_CHECKED_IN',
      ),
  );
  return { registrationId: r.id, orgName: r.orgName, role: r.role, checkedInAt: at };
}

const beijing = (instant: string) =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(11, 16).replace('T', ' ');

// ---- pre-match ----

export async function getPrematch(user: SessionUser, eventId: string, suggest: boolean, d: EventDeps) {
  await organisedEvent(user, eventId, d);
  const fixed = suggest ? null : await d.repos.events.getPrematch(eventId);
  if (fixed) return { fixedAt: fixed.fixedAt, pairs: fixed.pairs };
  const approved = (await d.repos.events.allRegistrations(eventId)).filter((r) => r.status === 'approved');
  const hosts = approved.filter((r) => r.role === 'host').map(matchSide);
  const participants = approved.filter((r) => r.role === 'participant').map(matchSide);
  return { fixedAt: null, pairs: suggestPairs(hosts, participants) };
}

export async function fixPrematch(
  user: SessionUser,
  eventId: string,
  chosen: { hostRegistrationId: string; participantRegistrationId: string }[],
  d: EventDeps,
) {
  const e = await organisedEvent(user, eventId, d);
  if (eventView(e, d.now).status !== 'published')
    throw new Conflict('活动不在报名中，不能修改预对接名单', 'EVENT_NOT_OPEN');
  const approved = new Map(
    (await d.repos.events.allRegistrations(eventId)).filter((r) => r.status === 'approved').map((r) => [r.id, r]),
  );
  const seen = new Set<string>();
  for (const c of chosen) {
    const h = approved.get(c.hostRegistrationId);
    const p = approved.get(c.participantRegistrationId);
    if (!h || !p || h.role !== 'host' || p.role !== 'participant')
      throw new RuleViolation('NOT_PAIRABLE', '名单中的每一对应为已通过审核的发布需求企业与参会企业');
    const key = `${h.id}|${p.id}`;
    if (seen.has(key)) throw new RuleViolation('NOT_PAIRABLE', '名单中有重复的企业对');
    seen.add(key);
  }
  const pairs = explainPairs(chosen, new Map([...approved].map(([id, r]) => [id, matchSide(r)])));
  const at = d.now.toISOString();
  const orgIds = new Set(
    chosen.flatMap((c) => [
      approved.get(c.hostRegistrationId)!.orgId,
      approved.get(c.participantRegistrationId)!.orgId,
    ]),
  );
  await refusedAs(
    d.repos.events.fixPrematch(
      { eventId, fixedAt: at, pairs },
      {
        audit: audit(e, 'fix_prematch', authorityActor(user), at, { comment: `预对接名单 ${pairs.length} 对` }),
        notifications: [...orgIds].map((orgId) =>
          note(
            `org:${orgId}`,
            'event_prematch_fixed',
            '预对接企业名单已确定',
            `“${e.title}”的预对接企业名单已确定，可以查看对接企业并预约洽谈。`,
            links.myEventPass(eventId),
            eventId,
            at,
          ),
        ),
      },
    ),
    () => new Conflict('活动不在报名中，不能修改预对接名单', 'EVENT_NOT_OPEN'),
  );
  return { fixedAt: at, pairs };
}

// ---- meetings ----

export async function requestMeeting(
  user: SessionUser,
  eventId: string,
  input: { withRegistrationId: string; slotStart: string; note?: string | undefined },
  d: EventDeps,
): Promise<Meeting> {
  const own = await ownRegistration(user, eventId, d);
  const e = (await d.repos.events.getEvent(eventId))!;
  if (eventView(e, d.now).status !== 'published') throw new RuleViolation('EVENT_NOT_OPEN', '活动已结束或已取消');
  if (own.status !== 'approved') throw new RuleViolation('NOT_APPROVED', '报名通过审核后才能预约洽谈');
  const other = await d.repos.events.getRegistration(eventId, input.withRegistrationId);
  if (!other || other.status !== 'approved') throw new NotFound('对方不在本场活动的参会企业中');
  if (other.id === own.id) throw new RuleViolation('INVALID_COUNTERPART', '不能与本企业预约洽谈');
  const slotMs = e.slotMinutes * 60_000;
  const start = Date.parse(input.slotStart);
  const offset = start - Date.parse(e.startsAt);
  if (offset < 0 || start + slotMs > Date.parse(e.endsAt) || offset % slotMs !== 0)
    throw new RuleViolation('SLOT_OUTSIDE_EVENT', `请选择活动时间内的洽谈时段（每 ${e.slotMinutes} 分钟一段）`, {
      slotStart: '时段不在活动时间内',
    });
  const at = d.now.toISOString();
  const slotStart = new Date(start).toISOString();
  const m: MeetingRecord = {
    id: ulid(d.now.getTime()),
    eventId,
    fromRegistrationId: own.id,
    toRegistrationId: other.id,
    fromOrgId: own.orgId,
    toOrgId: other.orgId,
    fromOrgName: own.orgName,
    toOrgName: other.orgName,
    slotStart,
    slotEnd: new Date(start + slotMs).toISOString(),
    status: 'requested',
    statsRegion: eventStatsRegion(e.region),
    ...(input.note ? { note: input.note } : {}),
    createdAt: at,
  };
  await refusedAs(
    d.repos.events.createMeeting(
      m,
      betweenParticipants(
        user,
        eventId,
        'request_meeting',
        own.orgName,
        other,
        {
          kind: 'meeting_requested',
          title: '收到洽谈预约',
          body: `${own.orgName} 预约在“${e.title}”与您洽谈（${beijing(slotStart)} 起）。`,
        },
        at,
      ),
    ),
    () => new Conflict('您在这个时段已有洽谈，请换一个时段', 'SLOT_TAKEN'),
  );
  const { fromOrgId: _f, toOrgId: _t, statsRegion: _s, ...view } = m;
  return view;
}

export async function decideMeeting(user: SessionUser, id: string, decision: 'accept' | 'decline', d: EventDeps) {
  const m = ofActingSide(user, await d.repos.events.getMeeting(id), MEETING_SIDES);
  if (m.status !== 'requested') throw new Conflict('这场洽谈已处理过', 'ALREADY_DECIDED');
  const at = d.now.toISOString();
  const after: MeetingRecord = { ...m, status: decision === 'accept' ? 'accepted' : 'declined', decidedAt: at };
  try {
    await d.repos.events.decideMeeting(
      after,
      betweenParticipants(
        user,
        m.eventId,
        `${decision}_meeting`,
        m.toOrgName,
        { orgId: m.fromOrgId, orgName: m.fromOrgName },
        {
          kind: decision === 'accept' ? 'meeting_accepted' : 'meeting_declined',
          title: decision === 'accept' ? '洽谈预约已接受' : '洽谈预约被婉拒',
          body: `${m.toOrgName} ${decision === 'accept' ? '接受' : '婉拒'}了 ${beijing(m.slotStart)} 的洽谈。`,
        },
        at,
      ),
    );
  } catch (err) {
    if (!(err instanceof TransactionRefused)) throw err;
    if (err.by('meeting_changed')) throw new Conflict('这场洽谈已处理过', 'ALREADY_DECIDED');
    if (err.by('event_not_open')) throw new Conflict('活动已取消，不能再接受洽谈', 'EVENT_NOT_OPEN');
    throw new Conflict('您或对方在这个时段已有洽谈', 'SLOT_TAKEN');
  }
  return meetingView(after, after.toRegistrationId, d);
}

// ---- outcomes ----

export async function recordOutcome(
  user: SessionUser,
  eventId: string,
  input: {
    withRegistrationId: string;
    kind: OutcomeRecord['kind'];
    amount?: number | undefined;
    note?: string | undefined;
  },
  d: EventDeps,
) {
  const own = await ownRegistration(user, eventId, d);
  const e = (await d.repos.events.getEvent(eventId))!;
  const now = d.now.getTime();
  if (
    e.status !== 'published' ||
    now < Date.parse(e.startsAt) ||
    now > Date.parse(e.endsAt) + OUTCOME_WINDOW_DAYS * DAY
  )
    throw new RuleViolation('OUTCOME_WINDOW', `对接成果在活动开始后至结束后 ${OUTCOME_WINDOW_DAYS} 天内登记`);
  const other = await d.repos.events.getRegistration(eventId, input.withRegistrationId);
  if (own.status !== 'approved' || !other || other.status !== 'approved' || other.id === own.id)
    throw new RuleViolation('INVALID_COUNTERPART', '对接成果应在本场活动的两家参会企业之间登记');
  const at = d.now.toISOString();
  const o: OutcomeRecord = {
    id: ulid(now),
    eventId,
    byRegistrationId: own.id,
    withRegistrationId: other.id,
    byOrgId: own.orgId,
    withOrgId: other.orgId,
    byOrgName: own.orgName,
    withOrgName: other.orgName,
    kind: input.kind,
    ...(input.amount !== undefined ? { amount: input.amount } : {}),
    ...(input.note ? { note: input.note } : {}),
    status: 'recorded',
    statsRegion: eventStatsRegion(e.region),
    createdAt: at,
  };
  await d.repos.events.createOutcome(
    o,
    betweenParticipants(
      user,
      eventId,
      'record_outcome',
      own.orgName,
      other,
      {
        kind: 'outcome_recorded',
        title: '请确认对接成果',
        body: `${own.orgName} 登记了与您在“${e.title}”的对接成果，请确认。`,
      },
      at,
    ),
  );
  return outcomeView(o);
}

export async function confirmOutcome(user: SessionUser, id: string, d: EventDeps) {
  const o = ofActingSide(user, await d.repos.events.getOutcome(id), OUTCOME_SIDES);
  if (o.status !== 'recorded') throw new Conflict('这项对接成果已确认', 'ALREADY_CONFIRMED');
  const at = d.now.toISOString();
  await refusedAs(
    d.repos.events.confirmOutcome(
      o,
      at,
      betweenParticipants(
        user,
        o.eventId,
        'confirm_outcome',
        o.withOrgName,
        { orgId: o.byOrgId, orgName: o.byOrgName },
        { kind: 'outcome_confirmed', title: '对接成果已确认', body: `${o.withOrgName} 确认了您登记的对接成果。` },
        at,
      ),
    ),
    (refused) =>
      refused.by('event_not_open')
        ? new Conflict('活动已取消，对接成果不能再确认', 'EVENT_NOT_OPEN')
        : new Conflict('这项对接成果已确认', 'ALREADY_CONFIRMED'),
  );
  return outcomeView({ ...o, status: 'confirmed', confirmedAt: at });
}

// ---- export ----

/** Everything of the event for the organiser, as rows of one sheet (section, names, status, time, details, amount). */
export async function exportRows(user: SessionUser, eventId: string, d: EventDeps) {
  const e = await organisedEvent(user, eventId, d);
  const [regs, prematch, meetings, outcomes] = await Promise.all([
    d.repos.events.allRegistrations(eventId),
    d.repos.events.getPrematch(eventId),
    d.repos.events.meetingsOfEvent(eventId),
    d.repos.events.outcomesOfEvent(eventId),
  ]);
  const rows: Record<string, unknown>[] = [
    ...regs.map((r) => ({
      section: '报名企业',
      names: r.orgName,
      status: `${REGISTRATION_ROLES[r.role]} · ${{ pending: '待审核', approved: '已通过', rejected: '未通过' }[r.status]}${r.checkedInAt ? ' · 已签到' : ''}`,
      time: beijingFull(r.createdAt),
      details: [
        r.needs && `需求：${r.needs}`,
        r.offers && `可提供：${r.offers}`,
        `联系人：${r.contact.name} ${r.contact.phone}`,
      ]
        .filter(Boolean)
        .join('；'),
    })),
    ...(prematch?.pairs ?? []).map((p) => ({
      section: '预对接名单',
      names: `${p.hostOrgName} — ${p.participantOrgName}`,
      status: `匹配度 ${p.score}`,
      time: beijingFull(prematch!.fixedAt),
      details: p.reasons.join('；'),
    })),
    ...meetings.map((m) => ({
      section: '洽谈',
      names: `${m.fromOrgName} — ${m.toOrgName}`,
      status: { requested: '待确认', accepted: '已接受', declined: '已婉拒' }[m.status],
      time: beijingFull(m.slotStart),
      details: m.note ?? '',
    })),
    ...outcomes.map((o) => ({
      section: '对接成果',
      names: `${o.byOrgName} — ${o.withOrgName}`,
      status: `${{ intention: '合作意向', agreement: '合作协议', contract: '签约合同' }[o.kind]} · ${o.status === 'confirmed' ? '已确认' : '待确认'}`,
      time: beijingFull(o.createdAt),
      details: o.note ?? '',
      amount: o.amount,
    })),
  ];
  return { event: e, rows };
}

/** GET /v1/events/{id}/export: one sheet, a section per kind of record (报名企业, 预对接名单, 洽谈, 对接成果). */
export async function exportEvent(user: SessionUser, eventId: string, d: EventDeps) {
  const { event, rows } = await exportRows(user, eventId, d);
  const data = sheetXlsx(
    '活动数据',
    `${event.title}（${beijingFull(event.startsAt)}）`,
    [
      { header: '类别', key: 'section', width: 12 },
      { header: '企业', key: 'names', width: 44 },
      { header: '状态', key: 'status', width: 24 },
      { header: '时间', key: 'time', width: 18 },
      { header: '内容', key: 'details', width: 60 },
      { header: '金额（万元）', key: 'amount', width: 12 },
    ],
    rows,
  );
  return {
    filename: `对接活动-${event.title}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data,
  };
}

const beijingFull = (instant: string) =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
