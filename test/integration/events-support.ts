/** Builders shared by the events (百场万企) integration tests: an organiser, enterprises, a published event. */
import type { Org } from '@jiebang/shared';
import { afterEach, beforeEach } from '@jest/globals';
import { deps, overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { handler as createH } from '../../functions/src/handlers/events-create';
import { handler as publishH } from '../../functions/src/handlers/events-publish';
import { handler as registerH } from '../../functions/src/handlers/event-registrations-create';
import { handler as decideH } from '../../functions/src/handlers/event-registrations-decide';
import { handler as meetH } from '../../functions/src/handlers/event-meetings-create';
import { handler as outcomeH } from '../../functions/src/handlers/event-outcomes-create';
import { act, invoke, type Handler } from '../support/invoke';
import { expectWith } from '../support/expect-with';
import { enterprise, largeEnterprise, session } from './applications-support';

export { act, invoke, expectWith };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The tests' "now": the real clock at load, fixed for the file (tokens are issued at it). */
export const T0 = new Date(Math.floor(Date.now() / HOUR) * HOUR);
/** During the event (for outcomes): T0 + 10 days + 1 hour. */
export const DURING = new Date(T0.getTime() + 10 * DAY + HOUR);

export function clockEachTestAt(t: Date = T0) {
  beforeEach(() => overrideDeps({ clock: { now: () => new Date(t.getTime()) } }));
  afterEach(() => overrideDeps({ clock: systemClock }));
}
export const clockAt = (t: Date) => overrideDeps({ clock: { now: () => new Date(t.getTime()) } });

/** A token for the same user valid at `when`. */
export async function tokenAt(p: { id: string; roles: string[]; orgId: string | null }, when: Date) {
  return (await deps().tokens.issue({ id: p.id, roles: p.roles, orgId: p.orgId }, when)).token;
}

/** The body of an event starting 10 days after T0 (9:00 on the hour), 8 hours long, registration until T0 + 9 days. */
export function eventBody(over: Record<string, unknown> = {}) {
  const starts = new Date(T0.getTime() + 10 * DAY);
  return {
    type: 'chain',
    title: '“百场万企”工业母机产业链融通对接专场',
    chain: 'machine_tools',
    region: '440000',
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 8 * HOUR).toISOString(),
    venue: '广州市琶洲国际会展中心 B 区',
    registrationDeadline: new Date(T0.getTime() + 9 * DAY).toISOString(),
    description: '面向工业母机产业链上下游企业的供需对接，现场一对一洽谈。',
    coOrganisers: ['广东省国资委', '广东省工商联'],
    ...over,
  };
}

export const organiser = () => session(['province:440000']);

/** A published event of `org` (an organiser session). */
export async function publishedEvent(org: { token: string }, over: Record<string, unknown> = {}) {
  const created = await invoke(createH, { method: 'POST', token: org.token, body: eventBody(over) });
  expectWith(created.status, created.text).toBe(201);
  const published = await invoke(publishH, { method: 'POST', token: org.token, params: { id: created.body.id } });
  expectWith(published.status, published.text).toBe(200);
  return published.body as { id: string; startsAt: string; slotMinutes: number };
}

export const largeOrg = (over: Partial<Org> = {}) =>
  largeEnterprise({ name: '华南精密机床集团有限公司', qualifications: [], ...over });

export const sme = (over: Partial<Org> = {}) => enterprise(over);

export async function register(eventId: string, token: string, body: Record<string, unknown>) {
  return invoke(registerH, { method: 'POST', token, params: { id: eventId }, body });
}

export async function decide(eventId: string, regId: string, token: string, decision = 'approve', comment?: string) {
  return invoke(decideH, {
    method: 'POST',
    token,
    params: { id: eventId, regId },
    body: { decision, ...(comment ? { comment } : {}) },
  });
}

/** What `token`'s enterprise created with a POST to the event's `handler` route (201): its id. */
async function createdOn(handler: Handler, eventId: string, token: string, body: Record<string, unknown>) {
  const res = await act(handler, token, eventId, body);
  expectWith(res.status, res.text).toBe(201);
  return res.body.id as string;
}

/** A meeting `token`'s enterprise requested with registration `withRegistrationId` at `slotStart`: its id. */
export const requestedMeeting = (eventId: string, token: string, withRegistrationId: string, slotStart: string) =>
  createdOn(meetH, eventId, token, { withRegistrationId, slotStart });

/** An outcome `token`'s enterprise recorded with registration `withRegistrationId` (`body`: kind, amount…): its id. */
export const recordedOutcome = (
  eventId: string,
  token: string,
  withRegistrationId: string,
  body: Record<string, unknown>,
) => createdOn(outcomeH, eventId, token, { withRegistrationId, ...body });

/** An approved registration of a fresh enterprise. */
export async function approvedRegistrant(
  eventId: string,
  org: { token: string },
  kind: 'host' | 'participant',
  body: Record<string, unknown> = {},
  over: Partial<Org> = {},
) {
  const e = kind === 'host' ? await largeOrg(over) : await sme(over);
  const reg = await register(eventId, e.admin.token, {
    role: kind,
    ...(kind === 'host' ? { needs: '高速电主轴与数控系统配套' } : { offers: '高速电主轴研发制造' }),
    ...body,
  });
  expectWith(reg.status, reg.text).toBe(201);
  const ok = await decide(eventId, reg.body.id, org.token);
  expectWith(ok.status, ok.text).toBe(200);
  return { ...e, regId: reg.body.id as string };
}
