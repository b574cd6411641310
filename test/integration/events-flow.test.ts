/**
 * 百场万企 events through their handlers against DynamoDB Local: an organiser creates and publishes an event, it
 * shows in the calendar under its filters, a host and SMEs register, the organiser approves, asks for and fixes the
 * 预对接企业名单 (reasons, 专精特新 first), a meeting is requested and accepted (the contact only then), the pass
 * checks in once, an outcome is recorded and confirmed once, and the export reads back.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { deps } from '../../functions/src/deps';
import { DynamoEventRepository } from '../../functions/src/store/dynamo-events';
import ExcelJS from 'exceljs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handler as getH } from '../../functions/src/handlers/events-get';
import { handler as listH } from '../../functions/src/handlers/events-list';
import { handler as createH } from '../../functions/src/handlers/events-create';
import { handler as organisedH } from '../../functions/src/handlers/events-organised';
import { handler as regListH } from '../../functions/src/handlers/event-registrations-list';
import { handler as mineH } from '../../functions/src/handlers/event-registrations-mine';
import { handler as myRegH } from '../../functions/src/handlers/event-registration-get';
import { handler as dirH } from '../../functions/src/handlers/event-directory';
import { handler as prematchGetH } from '../../functions/src/handlers/event-prematch-get';
import { handler as prematchPutH } from '../../functions/src/handlers/event-prematch-put';
import { handler as meetH } from '../../functions/src/handlers/event-meetings-create';
import { handler as meetDecideH } from '../../functions/src/handlers/event-meetings-decide';
import { handler as checkInH } from '../../functions/src/handlers/event-check-in';
import { handler as outcomeH } from '../../functions/src/handlers/event-outcomes-create';
import { handler as confirmH } from '../../functions/src/handlers/event-outcomes-confirm';
import { handler as exportH } from '../../functions/src/handlers/event-export';
import { handler as cancelH } from '../../functions/src/handlers/events-cancel';
import { handler as auditGetH } from '../../functions/src/handlers/audit-get';
import { handler as auditVerifyH } from '../../functions/src/handlers/audit-verify';
import { inboxOf } from './evaluation-support';
import { session } from './applications-support';
import {
  approvedRegistrant,
  clockAt,
  clockEachTestAt,
  decide,
  DURING,
  eventBody,
  expectWith,
  act,
  invoke,
  largeOrg,
  organiser,
  publishedEvent,
  register,
  sme,
  T0,
  tokenAt,
} from './events-support';

clockEachTestAt(T0);

async function readXlsx(token: string, eventId: string) {
  const res = (await exportH({
    version: '2.0',
    headers: { authorization: `Bearer ${token}` },
    pathParameters: { id: eventId },
    requestContext: { requestId: 'x', http: { method: 'GET', path: '/', sourceIp: '192.0.2.1' } },
  } as unknown as APIGatewayProxyEventV2)) as { statusCode: number; body: string; headers: Record<string, string> };
  expectWith(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(res.body, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('events: from the calendar to a confirmed outcome', () => {
  it('walks the whole lifecycle with its rules', async () => {
    const org = await organiser();
    // A draft is the organiser's alone.
    const draft = await invoke(createH, { method: 'POST', token: org.token, body: eventBody({ capacity: 50 }) });
    expectWith(draft.status, draft.text).toBe(201);
    expect(draft.body).toMatchObject({
      status: 'draft',
      organiser: { principal: 'authority:440000' },
      slotMinutes: 20,
    });
    expect((await invoke(getH, { params: { id: draft.body.id } })).status).toBe(404);
    expect((await invoke(getH, { token: org.token, params: { id: draft.body.id } })).status).toBe(200);
    const organised = await invoke(organisedH, { token: org.token });
    expect(organised.body.items.map((e: { id: string }) => e.id)).toContain(draft.body.id);

    const ev = await publishedEvent(org, { title: '“百场万企”数控机床产业链专场（测试）' });
    // The calendar: each filter combination is its own partition; upcoming lists events not started yet.
    for (const query of <Record<string, string>[]>[
      { upcoming: '1' },
      { region: '440000', upcoming: '1' },
      { chain: 'machine_tools', type: 'chain' },
      { region: '440000', chain: 'machine_tools', type: 'chain', upcoming: '1' },
    ]) {
      const page = await invoke(listH, { query: { ...query, limit: '50' } });
      expectWith(page.status, page.text).toBe(200);
      expectWith(
        page.body.items.map((c: { id: string }) => c.id),
        JSON.stringify(query),
      ).toContain(ev.id);
      expect(page.headers.etag).toBeTruthy();
    }
    const elsewhere = await invoke(listH, { query: { region: '110000', limit: '50' } });
    expect(elsewhere.body.items.map((c: { id: string }) => c.id)).not.toContain(ev.id);

    // Registration: an SME may not host; one registration per enterprise.
    const host = await largeOrg();
    const star = await sme({ name: '深圳小巨人电主轴有限公司', qualifications: ['little_giant'], region: '440305' });
    const plain = await sme({
      name: '北京普通机电有限公司',
      qualifications: [],
      region: '110105',
      authorityRegion: '110000',
    });
    const refusedHost = await register(ev.id, star.admin.token, { role: 'host', needs: '采购' });
    expect(refusedHost.status).toBe(422);
    expect(refusedHost.body.error.code).toBe('HOST_NOT_LARGE');
    const hostReg = await register(ev.id, host.admin.token, {
      role: 'host',
      needs: '寻找高速电主轴、直线电机和数控系统的配套企业',
      fields: ['machine_tools'],
    });
    expectWith(hostReg.status, hostReg.text).toBe(201);
    expect(hostReg.body).toMatchObject({ status: 'pending', role: 'host', orgName: host.org.name });
    expect(hostReg.text).not.toMatch(/needTerms|checkInCode/);
    const starReg = await register(ev.id, star.admin.token, {
      role: 'participant',
      offers: '高速电主轴、直线电机研发制造，精度达到国际先进水平',
      fields: ['machine_tools'],
    });
    const plainReg = await register(ev.id, plain.admin.token, {
      role: 'participant',
      offers: '电主轴维修与直线电机改造服务',
      fields: ['machine_tools'],
    });
    expectWith(starReg.status, starReg.text).toBe(201);
    expectWith(plainReg.status, plainReg.text).toBe(201);
    const again = await register(ev.id, star.admin.token, { role: 'participant', offers: '再次报名' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_REGISTERED');
    expect((await inboxOf('authority:440000')).some((n) => n.kind === 'event_registration')).toBe(true);

    // Before approval: no pass, no directory.
    const pending = await invoke(myRegH, { token: star.admin.token, params: { id: ev.id } });
    expect(pending.body.pass).toBeNull();
    expect((await invoke(dirH, { token: star.admin.token, params: { id: ev.id } })).status).toBe(404);

    // The organiser sees the registrations (with contacts); a registrant does not.
    const regs = await invoke(regListH, { token: org.token, params: { id: ev.id } });
    expect(regs.body.items).toHaveLength(3);
    expect((await invoke(regListH, { token: star.admin.token, params: { id: ev.id } })).status).toBe(404);

    for (const r of [hostReg, starReg, plainReg]) expect((await decide(ev.id, r.body.id, org.token)).status).toBe(200);
    expect((await decide(ev.id, starReg.body.id, org.token)).body.error.code).toBe('ALREADY_DECIDED');
    const pass = await invoke(myRegH, { token: star.admin.token, params: { id: ev.id } });
    expect(pass.body.pass.code).toMatch(/^[0-9A-Z]{12}$/);
    const mine = await invoke(mineH, { token: star.admin.token });
    expect(mine.body.items).toEqual([expect.objectContaining({ eventId: ev.id, status: 'approved' })]);
    expect((await inboxOf(`org:${star.org.id}`)).some((n) => n.kind === 'event_registration_decided')).toBe(true);

    // The directory: public part only, no contact.
    const dir = await invoke(dirH, { token: star.admin.token, params: { id: ev.id } });
    expect(dir.body.items).toHaveLength(3);
    expect(dir.text).not.toContain(host.org.contact.phone);

    // Pre-matching: the 小巨人 first, each pair with its reasons.
    const suggested = await invoke(prematchGetH, { token: org.token, params: { id: ev.id } });
    expectWith(suggested.status, suggested.text).toBe(200);
    expect(suggested.body.fixedAt).toBeNull();
    const pairs = suggested.body.pairs as { participantOrgName: string; reasons: string[]; score: number }[];
    expect(pairs.map((p) => p.participantOrgName)).toEqual([star.org.name, plain.org.name]);
    expect(pairs[0]!.reasons).toEqual(
      expect.arrayContaining([
        '领域相同：工业母机',
        expect.stringMatching(/^关键词：.*电主轴/),
        expect.stringMatching(/小巨人/),
      ]),
    );
    expect(pairs[0]!.score).toBeGreaterThan(pairs[1]!.score);
    const fixed = await invoke(prematchPutH, {
      method: 'PUT',
      token: org.token,
      params: { id: ev.id },
      body: { pairs: [{ hostRegistrationId: hostReg.body.id, participantRegistrationId: starReg.body.id }] },
    });
    expectWith(fixed.status, fixed.text).toBe(200);
    expect(fixed.body.pairs).toHaveLength(1);
    const badPair = await invoke(prematchPutH, {
      method: 'PUT',
      token: org.token,
      params: { id: ev.id },
      body: { pairs: [{ hostRegistrationId: starReg.body.id, participantRegistrationId: plainReg.body.id }] },
    });
    expect(badPair.status).toBe(422);
    expect((await invoke(prematchGetH, { token: org.token, params: { id: ev.id } })).body.fixedAt).toBeTruthy();
    expect((await inboxOf(`org:${host.org.id}`)).some((n) => n.kind === 'event_prematch_fixed')).toBe(true);
    const starView = await invoke(myRegH, { token: star.admin.token, params: { id: ev.id } });
    expect(starView.body.partners).toHaveLength(1);

    // A meeting: slots inside the event, aligned; the contact only once accepted.
    const outside = await invoke(meetH, {
      method: 'POST',
      token: star.admin.token,
      params: { id: ev.id },
      body: {
        withRegistrationId: hostReg.body.id,
        slotStart: new Date(Date.parse(ev.startsAt) + 7 * 60_000).toISOString(),
      },
    });
    expect(outside.status).toBe(422);
    const slot = new Date(Date.parse(ev.startsAt) + 40 * 60_000).toISOString();
    const req = await act(meetH, star.admin.token, ev.id, {
      withRegistrationId: hostReg.body.id,
      slotStart: slot,
      note: '电主轴配套',
    });
    expectWith(req.status, req.text).toBe(201);
    expect(req.text).not.toContain(host.org.contact.phone);
    const byRequester = await act(meetDecideH, star.admin.token, req.body.id, { decision: 'accept' });
    expect(byRequester.status).toBe(403);
    const byStranger = await act(meetDecideH, plain.admin.token, req.body.id, { decision: 'accept' });
    expect(byStranger.status).toBe(404);
    const accepted = await act(meetDecideH, host.admin.token, req.body.id, { decision: 'accept' });
    expectWith(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.counterpartContact.phone).toBe(star.org.contact.phone);
    const hostSchedule = await invoke(myRegH, { token: host.admin.token, params: { id: ev.id } });
    expect(hostSchedule.body.meetings).toEqual([
      expect.objectContaining({ status: 'accepted', slotStart: slot, counterpartContact: star.org.contact }),
    ]);
    // The same slot is now taken for both sides.
    const clash = await act(meetH, star.admin.token, ev.id, { withRegistrationId: plainReg.body.id, slotStart: slot });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('SLOT_TAKEN');

    // Check-in: once.
    const code = pass.body.pass.code as string;
    const first = await act(checkInH, org.token, ev.id, { code });
    expectWith(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ registrationId: starReg.body.id, orgName: star.org.name });
    const second = await act(checkInH, org.token, ev.id, { code: code.toLowerCase() });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('ALREADY_CHECKED_IN');
    const unknown = await act(checkInH, org.token, ev.id, { code: 'ZZZZZZZZZZZZ' });
    expect(unknown.status).toBe(404);

    // Outcomes: during the event; confirmed by the other side, counted once.
    const early = await act(outcomeH, star.admin.token, ev.id, {
      withRegistrationId: hostReg.body.id,
      kind: 'intention',
    });
    expect(early.status).toBe(422);
    clockAt(DURING);
    const starLater = await tokenAt(star.admin, DURING);
    const hostLater = await tokenAt(host.admin, DURING);
    const outcome = await act(outcomeH, starLater, ev.id, {
      withRegistrationId: hostReg.body.id,
      kind: 'contract',
      amount: 320,
      note: '电主轴年度采购',
    });
    expectWith(outcome.status, outcome.text).toBe(201);
    expect((await act(confirmH, starLater, outcome.body.id)).status).toBe(403);
    const confirms = await Promise.all(Array.from({ length: 5 }, () => act(confirmH, hostLater, outcome.body.id)));
    expect(confirms.map((c) => c.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const after = await invoke(getH, { params: { id: ev.id } });
    expect(after.body).toMatchObject({
      confirmedOutcomes: 1,
      contractAmount: 320,
      approvedCount: 3,
      checkedInCount: 1,
    });

    // The export holds every section.
    const orgLater = await tokenAt(org, DURING);
    const rows = await readXlsx(orgLater, ev.id);
    const cells = rows.flat();
    expect(cells).toEqual(expect.arrayContaining(['报名企业', '预对接名单', '洽谈', '对接成果', star.org.name]));
    expect(rows.find((r) => r[0] === '对接成果')).toEqual(expect.arrayContaining(['320']));

    // Every change of the event, its registrations, meetings and outcomes is in one chained trail: its organiser's.
    const trail = await invoke(auditGetH, { token: orgLater, params: { type: 'event', id: ev.id } });
    expectWith(trail.status, trail.text).toBe(200);
    const trailEvents = trail.body.events as { action: string; seq: number }[];
    const actions = trailEvents.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['create', 'publish']);
    for (const a of [
      'register',
      'approve_registration',
      'fix_prematch',
      'request_meeting',
      'accept_meeting',
      'check_in',
      'record_outcome',
      'confirm_outcome',
    ])
      expect(actions).toContain(a);
    expect(trailEvents.map((e) => e.seq)).toEqual(actions.map((_, i) => i + 1));
    const verdict = await invoke(auditVerifyH, { token: orgLater, params: { type: 'event', id: ev.id } });
    expectWith(verdict.status, verdict.text).toBe(200);
    expect(verdict.body).toMatchObject({ ok: true, length: actions.length, breaks: [] });
    const otherProvince = await tokenAt(await session(['province:330000']), DURING);
    for (const token of [starLater, hostLater, otherProvince])
      expect((await invoke(auditGetH, { token, params: { type: 'event', id: ev.id } })).status).toBe(404);
  });

  it('cancelling notifies every registrant and closes registration', async () => {
    const org = await organiser();
    const ev = await publishedEvent(org);
    const a = await sme();
    expect((await register(ev.id, a.admin.token, { role: 'participant', offers: '检测服务' })).status).toBe(201);
    const cancelled = await act(cancelH, org.token, ev.id, { reason: '场馆调整，另行通知' });
    expectWith(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await inboxOf(`org:${a.org.id}`)).some((n) => n.kind === 'event_cancelled')).toBe(true);
    const b = await sme();
    const late = await register(ev.id, b.admin.token, { role: 'participant', offers: '检测服务' });
    expect(late.status).toBe(422);
    const card = await invoke(listH, { query: { region: '440000', limit: '50' } });
    expect(card.body.items.find((c: { id: string }) => c.id === ev.id)?.status).toBe('cancelled');
  });

  it('refuses a registration after its deadline and a host attaching a demand that is not its own', async () => {
    const org = await organiser();
    const ev = await publishedEvent(org);
    const host = await largeOrg();
    const foreign = await register(ev.id, host.admin.token, {
      role: 'host',
      needs: '配套',
      demandIds: ['01HZZZZZZZZZZZZZZZZZZZZZZZ'],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('DEMAND_NOT_ATTACHABLE');
    const later = new Date(T0.getTime() + 9.5 * 86_400_000);
    clockAt(later);
    const x = await sme();
    const late = await register(ev.id, await tokenAt(x.admin, later), { role: 'participant', offers: '服务' });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('REGISTRATION_CLOSED');
  });
});

describe('events: concurrency bars', () => {
  it('50 parallel registrations and approvals with capacity 10 → exactly 10 approved', async () => {
    const org = await organiser();
    const ev = await publishedEvent(org, { capacity: 10 });
    const smes = [];
    for (let i = 0; i < 50; i++) smes.push(await sme({ name: `并发测试企业${i}有限公司` }));
    const regs = await Promise.all(
      smes.map((s) => register(ev.id, s.admin.token, { role: 'participant', offers: '精密零部件加工' })),
    );
    expect(regs.map((r) => r.status)).toEqual(Array(50).fill(201));
    const decisions = await Promise.all(regs.map((r) => decide(ev.id, r.body.id, org.token)));
    const statuses = decisions.map((d) => d.status);
    expectWith(
      statuses.filter((s) => s === 200).length,
      JSON.stringify(decisions.find((d) => d.status >= 500)?.body),
    ).toBe(10);
    expect(statuses.filter((s) => s === 409).length).toBe(40);
    expect(decisions.filter((d) => d.status === 409).every((d) => d.body.error.code === 'CAPACITY_FULL')).toBe(true);
    expect((await invoke(getH, { params: { id: ev.id } })).body.approvedCount).toBe(10);
  }, 120_000); // 50 (and 20) transactions that DynamoDB Local serialises, beside the client builds in npm test

  it('an approval that lands just after a cancel says the event was cancelled, not that its seats are full', async () => {
    const org = await organiser();
    const ev = await publishedEvent(org, { capacity: 10 });
    const s = await sme();
    const reg = await register(ev.id, s.admin.token, { role: 'participant', offers: '精密零部件加工' });
    // The organiser's approval read the event while it was still published; the cancel landed before its transaction.
    const stale = await new DynamoEventRepository(deps().store).getEvent(ev.id, true);
    const cancelled = await act(cancelH, org.token, ev.id, { reason: '场馆调整' });
    expectWith(cancelled.status, cancelled.text).toBe(200);
    const read = jest.spyOn(DynamoEventRepository.prototype, 'getEvent').mockResolvedValueOnce(stale);
    try {
      const late = await decide(ev.id, reg.body.id, org.token);
      expectWith(late.status, late.text).toBe(409);
      expect(late.body.error).toMatchObject({ code: 'EVENT_NOT_OPEN', message: '活动已取消，不能再通过报名' });
    } finally {
      read.mockRestore();
    }
  });

  it('20 parallel accepts into one slot of one side → exactly one accepted; a code checks in once under 10 parallel scans', async () => {
    const org = await organiser();
    const ev = await publishedEvent(org);
    const host = await approvedRegistrant(ev.id, org, 'host');
    const guests = [];
    for (let i = 0; i < 20; i++)
      guests.push(await approvedRegistrant(ev.id, org, 'participant', {}, { name: `洽谈企业${i}有限公司` }));
    const slot = ev.startsAt;
    const requests = await Promise.all(
      guests.map((g) => act(meetH, g.admin.token, ev.id, { withRegistrationId: host.regId, slotStart: slot })),
    );
    expect(requests.map((r) => r.status)).toEqual(Array(20).fill(201));
    const accepts = await Promise.all(
      requests.map((r) => act(meetDecideH, host.admin.token, r.body.id, { decision: 'accept' })),
    );
    const statuses = accepts.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(accepts.filter((a) => a.status === 409).every((a) => a.body.error.code === 'SLOT_TAKEN')).toBe(true);

    const code = (await invoke(myRegH, { token: guests[0]!.admin.token, params: { id: ev.id } })).body.pass.code;
    const scans = await Promise.all(Array.from({ length: 10 }, () => act(checkInH, org.token, ev.id, { code })));
    expect(scans.map((s) => s.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect((await invoke(getH, { params: { id: ev.id } })).body.checkedInCount).toBe(1);
  }, 120_000); // 50 (and 20) transactions that DynamoDB Local serialises, beside the client builds in npm test
});

describe('events: the demo seed', () => {
  it('shows two upcoming events and a closed one with meetings and confirmed outcomes; a second run writes nothing', async () => {
    const { seedData } = await import('../../infra/seed/seed');
    const { seedEvents, SEED_EVENTS, SEED_PASS_CODE } = await import('../../infra/seed/events');
    const { deps } = await import('../../functions/src/deps');
    const { repos } = await import('./applications-support');
    const data = seedData(T0);
    for (const o of data.orgs) await repos().orgs.create(o);
    const step = { step: <T>(_what: string, run: () => Promise<T>) => run() };
    expect(await seedEvents(deps().store, data.orgs, T0, step)).toBe(3);
    expect(await seedEvents(deps().store, data.orgs, T0, step)).toBe(0);
    const upcoming = await invoke(listH, { query: { upcoming: '1', limit: '50' } });
    const ids = upcoming.body.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([SEED_EVENTS.machineTools, SEED_EVENTS.nevSoe]));
    expect(ids).not.toContain(SEED_EVENTS.closedMaterials);
    const closed = await invoke(getH, { params: { id: SEED_EVENTS.closedMaterials } });
    expect(closed.body).toMatchObject({ status: 'closed', confirmedOutcomes: 2, contractAmount: 500 });
    const jingce = data.orgs.find((o) => o.name.includes('精测'))!;
    const { session } = await import('./applications-support');
    const sme = await session(['org_admin'], jingce.id);
    const pass = await invoke(myRegH, { token: sme.token, params: { id: SEED_EVENTS.machineTools } });
    expect(pass.body.pass).toEqual({ code: SEED_PASS_CODE });
    const past = await invoke(myRegH, { token: sme.token, params: { id: SEED_EVENTS.closedMaterials } });
    expect(past.body.meetings).toHaveLength(1);
    expect(past.body.outcomes).toEqual([expect.objectContaining({ kind: 'intention', status: 'confirmed' })]);
  });
});
