/**
 * The security matrix of the events (百场万企) routes: every role against every object route of one event — a
 * draft, the registrations, a decision, the pre-match list, check-in, the export, the own registration, the
 * directory, a meeting's decision and an outcome's confirmation. The wrong roles get 401/403/404 with the error
 * body and nothing of the objects (no enterprise's contact, no check-in code). Also the anonymity rule of the area:
 * an anonymous demand cannot be attached to a host's registration (it would name its issuer).
 */
import { describe, expect, it } from '@jest/globals';
import { errorBodySchema } from '@jiebang/shared';
import { handler as createH } from '../../functions/src/handlers/events-create';
import { handler as getH } from '../../functions/src/handlers/events-get';
import { handler as publishH } from '../../functions/src/handlers/events-publish';
import { handler as cancelH } from '../../functions/src/handlers/events-cancel';
import { handler as regListH } from '../../functions/src/handlers/event-registrations-list';
import { handler as decideH } from '../../functions/src/handlers/event-registrations-decide';
import { handler as myRegH } from '../../functions/src/handlers/event-registration-get';
import { handler as dirH } from '../../functions/src/handlers/event-directory';
import { handler as prematchGetH } from '../../functions/src/handlers/event-prematch-get';
import { handler as prematchPutH } from '../../functions/src/handlers/event-prematch-put';
import { handler as meetDecideH } from '../../functions/src/handlers/event-meetings-decide';
import { handler as checkInH } from '../../functions/src/handlers/event-check-in';
import { handler as confirmH } from '../../functions/src/handlers/event-outcomes-confirm';
import { handler as exportH } from '../../functions/src/handlers/event-export';
import { handler as auditGetH } from '../../functions/src/handlers/audit-get';
import { handler as auditVerifyH } from '../../functions/src/handlers/audit-verify';
import type { Answer } from '../support/invoke';
import { publishedDemand, session } from './applications-support';
import {
  approvedRegistrant,
  clockAt,
  clockEachTestAt,
  DURING,
  eventBody,
  expectWith,
  invoke,
  largeOrg,
  organiser,
  publishedEvent,
  recordedOutcome,
  register,
  requestedMeeting,
  sme,
  T0,
  tokenAt,
} from './events-support';

clockEachTestAt(T0);

type Role =
  | 'anonymous'
  | 'organiser'
  | 'otherProvince'
  | 'ministry'
  | 'platformAdmin'
  | 'host'
  | 'participant'
  | 'pending'
  | 'outsider'
  | 'noEnterprise';

function expectRefused(res: Answer, status: number, secrets: string[], label: string) {
  expectWith(res.status, `${label}: ${res.text}`).toBe(status);
  expectWith(errorBodySchema.safeParse(res.body).success, `${label}: ${res.text}`).toBe(true);
  for (const s of secrets) expectWith(res.text.includes(s), `${label} leaks ${s}`).toBe(false);
}

describe('events: security matrix', () => {
  it('every role gets exactly its answer on every object route; refusals carry nothing of the objects', async () => {
    const org = await organiser();
    const draft = await invoke(createH, { method: 'POST', token: org.token, body: eventBody() });
    const ev = await publishedEvent(org);
    const host = await approvedRegistrant(
      ev.id,
      org,
      'host',
      {},
      { contact: { name: '王主任', phone: '020-88880001' } },
    );
    const participant = await approvedRegistrant(
      ev.id,
      org,
      'participant',
      {},
      {
        name: '深圳矩阵测试精工有限公司',
        contact: { name: '赵经理', phone: '0755-88880002' },
      },
    );
    const pendingOrg = await sme({
      name: '待审核测试企业有限公司',
      contact: { name: '钱经理', phone: '0755-88880003' },
    });
    const pendingReg = await register(ev.id, pendingOrg.admin.token, { role: 'participant', offers: '检测' });
    const outsider = await sme({ name: '局外测试企业有限公司' });
    const meetingId = await requestedMeeting(ev.id, participant.admin.token, host.regId, ev.startsAt);
    const code = (await invoke(myRegH, { token: participant.admin.token, params: { id: ev.id } })).body.pass.code;

    // Everything else happens during the event, with tokens issued then.
    clockAt(DURING);
    const people = {
      organiser: org,
      otherProvince: await session(['province:330000']),
      ministry: await session(['ministry']),
      platformAdmin: await session(['admin']),
      host: host.admin,
      participant: participant.admin,
      pending: pendingOrg.admin,
      outsider: outsider.admin,
      noEnterprise: await session([]),
    };
    const tokens = { anonymous: undefined } as Record<Role, string | undefined>;
    for (const [role, p] of Object.entries(people)) tokens[role as Role] = await tokenAt(p, DURING);
    const outcomeId = await recordedOutcome(ev.id, tokens.participant!, host.regId, { kind: 'intention' });

    const secrets = [host.org.contact.phone, participant.org.contact.phone, pendingOrg.org.contact.phone, code];
    const routes: Record<string, (token: string | undefined) => Promise<Answer>> = {
      draft: (token) => invoke(getH, { token, params: { id: draft.body.id } }),
      publishDraft: (token) => invoke(publishH, { method: 'POST', token, params: { id: draft.body.id } }),
      cancel: (token) =>
        invoke(cancelH, { method: 'POST', token, params: { id: ev.id }, body: { reason: '测试取消' } }),
      registrations: (token) => invoke(regListH, { token, params: { id: ev.id } }),
      decide: (token) =>
        invoke(decideH, {
          method: 'POST',
          token,
          params: { id: ev.id, regId: pendingReg.body.id },
          body: { decision: 'reject', comment: '测试' },
        }),
      prematch: (token) => invoke(prematchGetH, { token, params: { id: ev.id } }),
      fixPrematch: (token) =>
        invoke(prematchPutH, {
          method: 'PUT',
          token,
          params: { id: ev.id },
          body: { pairs: [{ hostRegistrationId: host.regId, participantRegistrationId: participant.regId }] },
        }),
      checkIn: (token) => invoke(checkInH, { method: 'POST', token, params: { id: ev.id }, body: { code } }),
      export: async (token) => {
        // A 200 is the binary file (base64), not JSON: only refusals are parsed.
        const res = (await exportH({
          version: '2.0',
          headers: token ? { authorization: `Bearer ${token}` } : {},
          pathParameters: { id: ev.id },
          requestContext: { requestId: 'x', http: { method: 'GET', path: '/', sourceIp: '192.0.2.1' } },
        } as never)) as { statusCode: number; body: string; headers: Record<string, string> };
        const json = res.statusCode !== 200;
        return {
          status: res.statusCode,
          headers: res.headers,
          text: res.body,
          body: json ? JSON.parse(res.body) : null,
        };
      },
      myRegistration: (token) => invoke(myRegH, { token, params: { id: ev.id } }),
      directory: (token) => invoke(dirH, { token, params: { id: ev.id } }),
      decideMeeting: (token) =>
        invoke(meetDecideH, { method: 'POST', token, params: { id: meetingId }, body: { decision: 'decline' } }),
      confirmOutcome: (token) => invoke(confirmH, { method: 'POST', token, params: { id: outcomeId } }),
      // The event's audit trail names every registrant: its organiser's alone.
      auditTrail: (token) => invoke(auditGetH, { token, params: { type: 'event', id: ev.id } }),
      auditVerify: (token) => invoke(auditVerifyH, { token, params: { type: 'event', id: ev.id } }),
      draftAuditTrail: (token) => invoke(auditGetH, { token, params: { type: 'event', id: draft.body.id } }),
    };
    // 0: allowed (not called here when it would change the state: the flow test covers it).
    const E = 0;
    const organiserOnly = { anonymous: 401, organiser: E } as const;
    const expected: Record<string, Partial<Record<Role, number>>> = {
      draft: { anonymous: 404, organiser: 200 },
      publishDraft: organiserOnly,
      cancel: organiserOnly,
      registrations: { anonymous: 401, organiser: 200 },
      decide: organiserOnly,
      prematch: { anonymous: 401, organiser: 200 },
      fixPrematch: organiserOnly,
      checkIn: organiserOnly,
      export: { anonymous: 401, organiser: 200 },
      myRegistration: { anonymous: 401, host: 200, participant: 200, pending: 200 },
      directory: { anonymous: 401, organiser: 200, host: 200, participant: 200 },
      decideMeeting: { anonymous: 401, host: E, participant: 403 },
      confirmOutcome: { anonymous: 401, host: E, participant: 403 },
      auditTrail: { anonymous: 401, organiser: 200 },
      auditVerify: { anonymous: 401, organiser: 200 },
      draftAuditTrail: { anonymous: 401, organiser: 200 },
    };
    const roles = Object.keys(tokens) as Role[];
    for (const [name, call] of Object.entries(routes)) {
      for (const role of roles) {
        const want = expected[name]![role] ?? 404;
        if (want === E) continue;
        const res = await call(tokens[role]);
        if (want < 300) expectWith(res.status, `${name} × ${role}: ${res.text}`).toBe(want);
        else expectRefused(res, want, secrets, `${name} × ${role}`);
      }
    }
    // A registrant's own view never carries another's contact before a meeting is accepted.
    const own = await invoke(myRegH, { token: tokens.participant, params: { id: ev.id } });
    expect(own.text).not.toContain(host.org.contact.phone);
    const dir = await invoke(dirH, { token: tokens.participant, params: { id: ev.id } });
    expect(dir.text).not.toContain(host.org.contact.phone);
    expect(dir.text).not.toContain(code);
  });

  it('an anonymous demand cannot be attached to a host registration (it would name its issuer)', async () => {
    const org = await organiser();
    const ev = await publishedEvent(org);
    const host = await largeOrg();
    const anonymous = await publishedDemand(host.org, { anonymous: true });
    const named = await publishedDemand(host.org, { title: '五轴联动数控系统配套需求（公开）' });
    const refused = await register(ev.id, host.admin.token, { role: 'host', needs: '配套', demandIds: [anonymous.id] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('DEMAND_NOT_ATTACHABLE');
    const ok = await register(ev.id, host.admin.token, { role: 'host', needs: '配套', demandIds: [named.id] });
    expectWith(ok.status, ok.text).toBe(201);
    expect(ok.body.demands).toEqual([{ id: named.id, title: named.title }]);
    expect(ok.body.fields).toContain(named.field);
  });
});
