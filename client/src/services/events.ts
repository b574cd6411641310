/** 百场万企 matchmaking events: the calendar, registration and pass, meetings, outcomes, the organiser's console. */
import '../lib/zod-setup';
import type { EventType, FieldKey } from '@jiebang/shared';
import { pathOf, type BodyOf } from '@jiebang/shared/routes/define';
import * as routes from '@jiebang/shared/routes/events';
import { call } from './api';
import { downloadFile } from './download';

export interface CalendarQuery {
  region?: string;
  chain?: FieldKey;
  type?: EventType;
  upcoming?: boolean;
  limit?: number;
  cursor?: string | null;
}

/** One page of the public calendar (revalidated: an unchanged page costs a bodiless 304). */
export const calendar = (q: CalendarQuery = {}) =>
  call(routes.eventsList, {
    query: {
      region: q.region,
      chain: q.chain,
      type: q.type,
      upcoming: q.upcoming ? '1' : undefined,
      limit: q.limit,
      cursor: q.cursor,
    },
  });

export const get = (id: string) => call(routes.eventsGet, { params: { id } });
export const organised = (cursor?: string | null) => call(routes.eventsOrganised, { query: { cursor } });
export const create = (body: BodyOf<typeof routes.eventsCreate>) => call(routes.eventsCreate, { body });
export const publish = (id: string) => call(routes.eventsPublish, { params: { id } });

export const register = (id: string, body: BodyOf<typeof routes.registrationsCreate>) =>
  call(routes.registrationsCreate, { params: { id }, body });
export const mine = (cursor?: string | null) => call(routes.registrationsMine, { query: { cursor } });
export const myRegistration = (id: string) => call(routes.registrationGetMine, { params: { id } });
export const directory = (id: string) => call(routes.eventDirectory, { params: { id } });

export const registrations = (id: string, cursor?: string | null) =>
  call(routes.registrationsList, { params: { id }, query: { cursor, limit: 50 } });
export const decide = (id: string, regId: string, decision: 'approve' | 'reject', comment?: string) =>
  call(routes.registrationsDecide, { params: { id, regId }, body: { decision, ...(comment ? { comment } : {}) } });

export const prematch = (id: string, suggest = false) =>
  call(routes.prematchGet, { params: { id }, query: { suggest: suggest ? '1' : undefined } });
export const fixPrematch = (id: string, pairs: { hostRegistrationId: string; participantRegistrationId: string }[]) =>
  call(routes.prematchPut, { params: { id }, body: { pairs } });

export const requestMeeting = (id: string, withRegistrationId: string, slotStart: string) =>
  call(routes.meetingsCreate, { params: { id }, body: { withRegistrationId, slotStart } });
export const decideMeeting = (meetingId: string, decision: 'accept' | 'decline') =>
  call(routes.meetingsDecide, { params: { id: meetingId }, body: { decision } });

export const checkIn = (id: string, code: string) => call(routes.eventsCheckIn, { params: { id }, body: { code } });

export const recordOutcome = (
  id: string,
  body: { withRegistrationId: string; kind: 'intention' | 'agreement' | 'contract'; amount?: number },
) => call(routes.outcomesCreate, { params: { id }, body });
export const confirmOutcome = (outcomeId: string) => call(routes.outcomesConfirm, { params: { id: outcomeId } });

/** The event's .xlsx (services/download.ts: saved on H5, opened with the system viewer in the mini-program). */
export const downloadExport = (id: string, title: string): Promise<void> =>
  downloadFile(pathOf(routes.eventsExport, { id }), `对接活动-${title}.xlsx`, 'xlsx');
