/**
 * 221号 to the letter (issue 16): each rule at its boundary — the second before and after each deadline, each role
 * on the direct channel, the size rule both ways — and the campaign in the ministry's hands.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { campaignSchema, demandSchema, type Campaign } from '@jiebang/shared';
import { handler as createH } from '../../functions/src/handlers/demands-create';
import { handler as getH } from '../../functions/src/handlers/demands-get';
import { handler as submitH } from '../../functions/src/handlers/demands-submit';
import { handler as decideH } from '../../functions/src/handlers/review-demands-decide';
import { handler as updateCampaignH } from '../../functions/src/handlers/campaigns-update';
import { handler as deadlinesH } from '../../functions/src/handlers/campaigns-deadlines';
import { handler as cutoffH } from '../../functions/src/handlers/campaigns-cutoff-put';
import { handler as listContactsH } from '../../functions/src/handlers/department-contacts-list';
import { handler as addContactH } from '../../functions/src/handlers/department-contacts-add';
import { handler as deleteContactH } from '../../functions/src/handlers/department-contacts-delete';
import { handler as submitAppH } from '../../functions/src/handlers/applications-submit';
import { handler as selectH } from '../../functions/src/handlers/selection-create';
import { deps, overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { keys } from '../../functions/src/store/keys';
import { repositories } from '../../functions/src/store';
import { CAMPAIGN, NOW, makeWorld, tokenAt, type Person, type World } from '../support/actors';
import { creditCode, demandForm, org } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { inboxOf } from '../support/inspect';
import { expectWith } from '../support/expect-with';
import { createdApplication, enterprise, largeEnterprise, publishedDemand, session } from './applications-support';
import { evaluationWorld } from './evaluation-support';

let w: World;
const at = (t: Date | number) =>
  overrideDeps({ clock: { now: () => new Date(typeof t === 'number' ? t : t.getTime()) } });
const SECOND = 1000;
const INTAKE = Date.parse(CAMPAIGN.demandIntakeDeadline);

beforeAll(async () => {
  w = await makeWorld();
}, 60_000);
afterEach(() => overrideDeps({ clock: systemClock }));

const form = demandForm();
async function draftOf(p: Person) {
  at(NOW);
  const res = await invoke(createH, { method: 'POST', token: p.token, body: form });
  expectWith(res.status, res.text).toBe(201);
  return demandSchema.parse(res.body);
}
/** Submit at `when`, with a token issued then (the clock also decides token expiry). */
async function submitAt(p: Person, id: string, channel: string, when: number, extra: Record<string, unknown> = {}) {
  at(when);
  const t = await tokenAt(p, new Date(when));
  return invoke(submitH, { method: 'POST', token: t.token, params: { id }, body: { channel, ...extra } });
}
async function decideAt(p: Person, id: string, body: Record<string, unknown>, when: number) {
  at(when);
  const t = await tokenAt(p, new Date(when));
  return invoke(decideH, { method: 'POST', token: t.token, params: { id }, body });
}

describe('the intake deadline where 221号 puts it', () => {
  it('direct submission: the second before passes, the deadline itself and the second after are INTAKE_CLOSED', async () => {
    const a = await draftOf(w.people.issuerAdmin);
    const b = await draftOf(w.people.issuerAdmin);
    const c = await draftOf(w.people.issuerAdmin);
    expect((await submitAt(w.people.issuerAdmin, a.id, 'ministry', INTAKE - SECOND)).status).toBe(200);
    const onTime = await submitAt(w.people.issuerAdmin, b.id, 'ministry', INTAKE);
    expect(onTime.status).toBe(422);
    expect(onTime.body.error.code).toBe('INTAKE_CLOSED');
    const late = await submitAt(w.people.issuerAdmin, c.id, 'ministry', INTAKE + SECOND);
    expect(late.body.error.code).toBe('INTAKE_CLOSED');
  });

  it("the province's forward: the second before the intake deadline passes, the second after is refused", async () => {
    const a = await draftOf(w.people.issuerAdmin);
    const b = await draftOf(w.people.issuerAdmin);
    for (const d of [a, b])
      expect((await submitAt(w.people.issuerAdmin, d.id, 'province', INTAKE - 60 * SECOND)).status).toBe(200);
    expect((await decideAt(w.people.issuerProvince, a.id, { decision: 'forward' }, INTAKE - SECOND)).status).toBe(200);
    const late = await decideAt(w.people.issuerProvince, b.id, { decision: 'forward' }, INTAKE + SECOND);
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('INTAKE_CLOSED');
    expect(late.body.error.message).toContain('不能再转报工业和信息化部');
    // The ministry may still decide what reached it in time.
    expect((await decideAt(w.people.ministry, a.id, { decision: 'publish' }, INTAKE + SECOND)).status).toBe(200);
  });

  it("a province's own earlier cut-off binds its issuers' submissions to it, is shown to them, never the direct channel", async () => {
    const cutoff = INTAKE - 5 * 86_400_000;
    const iso = new Date(cutoff).toISOString();
    at(NOW);
    const put = (p: Person, region: string, body: unknown) =>
      invoke(cutoffH, { method: 'PUT', token: p.token, params: { year: '2026', region }, body });
    expect((await put(w.people.otherProvince, '440300', { cutoff: iso })).status).toBe(403);
    expect((await put(w.people.ministry, '440300', { cutoff: iso })).status).toBe(403);
    for (const p of [w.people.issuerAdmin, w.people.smeUser, w.people.department, w.people.admin, w.people.plainUser]) {
      expectWith((await put(p, '440300', { cutoff: iso })).status, p.user.roles.join()).toBe(403);
    }
    expect(
      (await invoke(cutoffH, { method: 'PUT', params: { year: '2026', region: '440300' }, body: { cutoff: iso } }))
        .status,
    ).toBe(401);
    const tooLate = await put(w.people.issuerProvince, '440300', { cutoff: new Date(INTAKE + SECOND).toISOString() });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.error.fields.cutoff).toContain('不能晚于需求征集截止时间');
    expect((await put(w.people.issuerProvince, '440300', { cutoff: iso })).status).toBe(200);

    // The issuer (registered in 440305) sees it; another region does not.
    const mine = await invoke(deadlinesH, { params: { year: '2026' }, query: { region: '440305' } });
    expect(mine.body).toMatchObject({ region: '440300', provinceCutoff: iso });
    const other = await invoke(deadlinesH, { params: { year: '2026' }, query: { region: '440106' } });
    expect(other.body).toMatchObject({ region: '440000', provinceCutoff: null });

    const [a, b, c] = [
      await draftOf(w.people.issuerAdmin),
      await draftOf(w.people.issuerAdmin),
      await draftOf(w.people.issuerAdmin),
    ];
    expect((await submitAt(w.people.issuerAdmin, a.id, 'province', cutoff - SECOND)).status).toBe(200);
    const late = await submitAt(w.people.issuerAdmin, b.id, 'province', cutoff + SECOND);
    expect(late.body.error.code).toBe('INTAKE_CLOSED');
    expect(late.body.error.message).toContain('深圳市中小企业主管部门规定的报送');
    // The direct channel answers to the ministry's intake deadline only.
    expect((await submitAt(w.people.issuerAdmin, c.id, 'ministry', cutoff + SECOND)).status).toBe(200);
    at(NOW);
    expect((await put(w.people.issuerProvince, '440300', { cutoff: null })).status).toBe(200);
    expect(
      (await invoke(deadlinesH, { params: { year: '2026' }, query: { region: '440305' } })).body.provinceCutoff,
    ).toBeNull();
  });
});

describe('the direct channel: only for enterprises a department (相关司局) contacted', () => {
  it('a contacted issuer submits directly; the department is recorded, told, and sees the demand; no other department does', async () => {
    const d = await draftOf(w.people.issuerAdmin);
    const res = await submitAt(w.people.issuerAdmin, d.id, 'ministry', NOW.getTime());
    expectWith(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ channel: 'ministry', department: 'equipment_1', issuerSize: 'large' });
    at(NOW);
    expect((await invoke(getH, { token: w.people.department.token, params: { id: d.id } })).status).toBe(200);
    expect((await invoke(getH, { token: w.people.otherDepartment.token, params: { id: d.id } })).status).toBe(404);
    const told = await inboxOf('department:equipment_1');
    expect(told.some((n) => n.objectId === d.id && n.kind === 'demand_submitted')).toBe(true);
    // A department reads but never decides.
    expect((await decideAt(w.people.department, d.id, { decision: 'publish' }, NOW.getTime())).status).toBe(403);
  });

  it('an enterprise no department contacted: 422 NOT_DIRECTLY_CONTACTED until a department adds it, and again once removed', async () => {
    const d1 = await draftOf(w.people.otherLargeMember);
    const refused = await submitAt(w.people.otherLargeMember, d1.id, 'ministry', NOW.getTime());
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOT_DIRECTLY_CONTACTED');
    // The province channel stays open to it.
    const d2 = await draftOf(w.people.otherLargeMember);
    expect((await submitAt(w.people.otherLargeMember, d2.id, 'province', NOW.getTime())).status).toBe(200);

    at(NOW);
    const body = { creditCode: w.otherLarge.creditCode, name: w.otherLarge.name };
    const add = (p: Person | null, code = 'electronics') =>
      invoke(addContactH, { method: 'POST', token: p?.token, params: { code }, body });
    // Each role on the list: only the department's own accounts change it.
    expect((await add(null)).status).toBe(401);
    for (const p of [
      w.people.department,
      w.people.ministry,
      w.people.issuerProvince,
      w.people.otherLargeMember,
      w.people.admin,
    ]) {
      expectWith((await add(p)).status, p.user.roles.join()).toBe(403);
    }
    const added = await add(w.people.otherDepartment);
    expectWith(added.status, added.text).toBe(201);
    expect((await add(w.people.otherDepartment)).status).toBe(409);
    const list = (p: Person, code = 'electronics') => invoke(listContactsH, { token: p.token, params: { code } });
    expect(
      (await list(w.people.otherDepartment)).body.items.map((c: { creditCode: string }) => c.creditCode),
    ).toContain(w.otherLarge.creditCode);
    expect((await list(w.people.ministry)).status).toBe(200);
    expect((await list(w.people.department)).status).toBe(403);
    expect((await list(w.people.otherLargeMember)).status).toBe(403);

    const ok = await submitAt(w.people.otherLargeMember, d1.id, 'ministry', NOW.getTime());
    expectWith(ok.status, ok.text).toBe(200);
    expect(ok.body.department).toBe('electronics');

    at(NOW);
    const del = (p: Person) =>
      invoke(deleteContactH, {
        method: 'DELETE',
        token: p.token,
        params: { code: 'electronics', creditCode: w.otherLarge.creditCode },
      });
    expect((await del(w.people.department)).status).toBe(403);
    expect((await del(w.people.otherDepartment)).status).toBe(200);
    expect((await del(w.people.otherDepartment)).status).toBe(404);
    const d3 = await draftOf(w.people.otherLargeMember);
    expect((await submitAt(w.people.otherLargeMember, d3.id, 'ministry', NOW.getTime())).body.error.code).toBe(
      'NOT_DIRECTLY_CONTACTED',
    );
  });
});

describe('a department list under concurrency', () => {
  it('ten parallel adds of one enterprise: one 201, nine 409, one entry on the list', async () => {
    at(NOW);
    const code = creditCode('310115');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        invoke(addContactH, {
          method: 'POST',
          token: w.people.department.token,
          params: { code: 'equipment_1' },
          body: { creditCode: code, name: '上海并发装备集团有限公司' },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const list = await invoke(listContactsH, { token: w.people.department.token, params: { code: 'equipment_1' } });
    expect(list.body.items.filter((c: { creditCode: string }) => c.creditCode === code)).toHaveLength(1);
  });
});

describe('issuers are large enterprises (300号), both ways', () => {
  let mid: { org: ReturnType<typeof org>; admin: Person };
  beforeAll(async () => {
    // Registered as an issuer, but the table calls it a medium enterprise (e.g. a group's headquarters).
    const o = org({ kind: 'large', size: 'medium', employees: 800, revenue: 30000, name: '深圳华科集团总部有限公司' });
    await repositories(deps().store).orgs.create(o);
    const s = await session(['org_admin'], o.id);
    // Its token issued at the tests' "now" (a token must not come from the future of the clock that checks it).
    mid = { org: o, admin: await tokenAt({ user: { id: s.id, roles: s.roles, orgId: s.orgId }, token: s.token }, NOW) };
  });

  it('a large issuer needs no reason; an SME-sized one is refused without one (422 ISSUER_NOT_LARGE)', async () => {
    const big = await draftOf(w.people.issuerAdmin);
    const okBig = await submitAt(w.people.issuerAdmin, big.id, 'province', NOW.getTime());
    expect(okBig.body).toMatchObject({ issuerSize: 'large' });
    expect(okBig.body).not.toHaveProperty('issuerSizeReason');
    const d = await draftOf(mid.admin);
    const refused = await submitAt(mid.admin, d.id, 'province', NOW.getTime());
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'ISSUER_NOT_LARGE', fields: { sizeReason: expect.any(String) } });
    expect(refused.body.error.message).toContain('中型企业');
  });

  it('with a reason it reaches its province, which sees the size and must confirm it to forward', async () => {
    const d = await draftOf(mid.admin);
    const reason = '本企业为集团总部，统筹下属 12 家制造企业的技术需求';
    const sub = await submitAt(mid.admin, d.id, 'province', NOW.getTime(), { sizeReason: reason });
    expectWith(sub.status, sub.text).toBe(200);
    expect(sub.body).toMatchObject({ issuerSize: 'medium', issuerSizeReason: reason });
    at(NOW);
    const seen = await invoke(getH, { token: w.people.issuerProvince.token, params: { id: d.id } });
    expect(seen.body).toMatchObject({ issuerSize: 'medium', issuerSizeReason: reason });
    const unconfirmed = await decideAt(w.people.issuerProvince, d.id, { decision: 'forward' }, NOW.getTime());
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.error.code).toBe('ISSUER_SIZE_UNCONFIRMED');
    const confirmed = await decideAt(
      w.people.issuerProvince,
      d.id,
      { decision: 'forward', confirmIssuerSize: true },
      NOW.getTime(),
    );
    expectWith(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.issuerSizeConfirmedAt).toBe(NOW.toISOString());
    // Confirmed once: the ministry publishes without being asked again.
    expect((await decideAt(w.people.ministry, d.id, { decision: 'publish' }, NOW.getTime())).status).toBe(200);
  });
});

describe("the campaign in the ministry's hands (PUT /v1/campaigns/{year})", () => {
  const put = (p: Person | null, body: unknown, year = '2026') =>
    invoke(updateCampaignH, { method: 'PUT', token: p?.token, params: { year }, body });
  const current = async (): Promise<Campaign> =>
    campaignSchema.parse(await repositories(deps().store).campaigns.get(2026));
  const { year: _y, createdAt: _c, ...fields } = CAMPAIGN;

  it('only the ministry changes it: every other role 403, anonymous 401, an unset year 404', async () => {
    at(NOW);
    expect((await put(null, fields)).status).toBe(401);
    for (const p of [
      w.people.issuerAdmin,
      w.people.smeUser,
      w.people.issuerProvince,
      w.people.department,
      w.people.admin,
      w.people.plainUser,
    ]) {
      expectWith((await put(p, fields)).status, p.user.roles.join()).toBe(403);
    }
    expect((await put(w.people.ministry, fields, '2040')).status).toBe(404);
  });

  it('the ministry opens a window announced as 另行通知: audited with what changed, every authority and department told', async () => {
    at(NOW);
    const before = await current();
    const closed = await put(w.people.ministry, { ...fields, applicationOpensAt: null, version: before.version ?? 0 });
    expectWith(closed.status, closed.text).toBe(200);
    const opens = '2026-12-01T09:00:00+08:00';
    const opened = await put(w.people.ministry, { ...fields, applicationOpensAt: opens, version: closed.body.version });
    expectWith(opened.status, opened.text).toBe(200);
    expect(opened.body).toMatchObject({ applicationOpensAt: opens, version: closed.body.version + 1 });
    const trail = await deps().store.doc.send(
      new QueryCommand({
        TableName: deps().store.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
        ExpressionAttributeValues: { ':pk': keys.campaignPartition, ':a': keys.auditPrefix },
      }),
    );
    expect((trail.Items ?? []).map((e) => e.comment)).toContain('揭榜开始时间：另行通知 → 2026-12-01 09:00');
    for (const principal of ['authority:440300', 'authority:650000', 'department:equipment_1', 'ministry']) {
      const told = await inboxOf(principal);
      expectWith(told.filter((n) => n.kind === 'campaign_changed').length, principal).toBeGreaterThanOrEqual(2);
    }
    // A stale version: 409.
    expect((await put(w.people.ministry, { ...fields, version: closed.body.version })).status).toBe(409);
    // Back to a window open from publication, for the other tests.
    expect((await put(w.people.ministry, { ...fields, version: opened.body.version })).status).toBe(200);
  });

  it('two editors at once on the same version: one 200, one 409', async () => {
    at(NOW);
    const v = (await current()).version ?? 0;
    const answers = await Promise.all(
      ['2027-01-10T17:00:00+08:00', '2027-01-11T17:00:00+08:00'].map((deadline) =>
        put(w.people.ministry, {
          ...fields,
          statisticsPeriods: [{ key: '2026Y', label: '2026年全年', deadline }],
          version: v,
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it('refuses deadlines out of order with the field to fix', async () => {
    at(NOW);
    const res = await put(w.people.ministry, { ...fields, applicationOpensAt: CAMPAIGN.selectionDeadline });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.applicationOpensAt).toBe('揭榜开始时间应早于揭榜截止时间');
  });
});

describe('the application window (揭榜 "另行通知")', () => {
  it('closed while announced later; opens at its instant: the second before refused, the instant itself accepted', async () => {
    const year = 2031;
    const opens = Date.parse('2031-09-01T09:00:00+08:00');
    await repositories(deps().store).campaigns.createIfAbsent({
      year,
      title: '2031年度大企业“发榜”中小企业“揭榜”工作',
      demandIntakeDeadline: '2031-07-12T17:00:00+08:00',
      applicationOpensAt: null,
      applicationDeadline: '2031-10-31T17:00:00+08:00',
      selectionDeadline: '2031-12-31T17:00:00+08:00',
      createdAt: NOW.toISOString(),
    });
    const issuer = await largeEnterprise({
      name: '华北装备集团有限公司',
    });
    const d = await publishedDemand(issuer.org, { campaignYear: year });
    const sme = await enterprise();
    const appId = await createdApplication(sme, d.id);
    const submitAppAt = async (when: number) => {
      at(when);
      const { token } = await deps().tokens.issue(
        { id: sme.admin.id, roles: sme.admin.roles, orgId: sme.admin.orgId },
        new Date(when),
      );
      return invoke(submitAppH, { method: 'POST', token, params: { id: appId } });
    };
    const announced = await submitAppAt(opens);
    expect(announced.status).toBe(422);
    expect(announced.body.error).toMatchObject({
      code: 'APPLICATIONS_NOT_OPEN',
      message: expect.stringContaining('另行通知'),
    });

    const c = (await repositories(deps().store).campaigns.get(year))!;
    at(NOW);
    const ministry = await tokenAt(w.people.ministry, NOW);
    const { year: _y, createdAt: _c, ...fields } = c;
    const opened = await invoke(updateCampaignH, {
      method: 'PUT',
      token: ministry.token,
      params: { year: String(year) },
      body: { ...fields, applicationOpensAt: new Date(opens).toISOString() },
    });
    expectWith(opened.status, opened.text).toBe(200);
    const early = await submitAppAt(opens - SECOND);
    expect(early.body.error.code).toBe('APPLICATIONS_NOT_OPEN');
    expect(early.body.error.message).toContain('2031-09-01 09:00');
    const ok = await submitAppAt(opens);
    expectWith(ok.status, ok.text).toBe(200);
  });
});

describe('the selection deadline is a reminder, not a bar (README)', () => {
  it('a selection the second after the campaign selection deadline is accepted', async () => {
    const year = 2032;
    const selectionDeadline = '2032-12-31T17:00:00+08:00';
    await repositories(deps().store).campaigns.createIfAbsent({
      year,
      title: '2032年度大企业“发榜”中小企业“揭榜”工作',
      demandIntakeDeadline: '2027-01-12T17:00:00+08:00',
      applicationDeadline: '2027-03-31T17:00:00+08:00',
      selectionDeadline,
      createdAt: NOW.toISOString(),
    });
    const e = await evaluationWorld({ applicants: 1, campaignYear: year });
    const after = Date.parse(selectionDeadline) + SECOND;
    at(after);
    const { token } = await deps().tokens.issue(e.admin.user, new Date(after));
    const res = await invoke(selectH, {
      method: 'POST',
      token,
      params: { id: e.demand.id },
      body: { applicationIds: [e.applicants[0]!.app.id], justification: '方案最优，团队经验充分' },
    });
    expectWith(res.status, res.text).toBe(201);
  });
});
