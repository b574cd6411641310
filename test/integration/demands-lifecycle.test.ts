import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { demandDetailSchema, demandSchema, errorBodySchema, reviewQueueSchema } from '@jiebang/shared';
import { handler as createH } from '../../functions/src/handlers/demands-create';
import { handler as getH } from '../../functions/src/handlers/demands-get';
import { handler as listH } from '../../functions/src/handlers/demands-list';
import { handler as updateH } from '../../functions/src/handlers/demands-update';
import { handler as submitH } from '../../functions/src/handlers/demands-submit';
import { handler as withdrawH } from '../../functions/src/handlers/demands-withdraw';
import { handler as queueH } from '../../functions/src/handlers/review-demands-list';
import { handler as decideH } from '../../functions/src/handlers/review-demands-decide';
import { handler as catalogueH } from '../../functions/src/handlers/catalogue-list';
import { handler as catalogueGetH } from '../../functions/src/handlers/catalogue-get';
import { overrideDeps } from '../../functions/src/deps';
import { runIndexerNow } from '../../functions/src/scheduler';
import { CAMPAIGN, NOW, tokenAt, type Person, worldAtNow } from '../support/actors';
import { demandForm } from '../support/fixtures';
import { act, invoke } from '../support/invoke';
import { inboxOf } from '../support/inspect';
import { spyOnStore } from '../support/store-spy';

const w = worldAtNow();
const at = (ms: number) => overrideDeps({ clock: { now: () => new Date(ms) } });

const form = demandForm();
const create = (p: Person, body: unknown = form) => invoke(createH, { method: 'POST', token: p.token, body });
const submit = (p: Person, id: string, channel = 'province', key?: string) =>
  invoke(submitH, {
    method: 'POST',
    token: p.token,
    params: { id },
    body: { channel },
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const decide = (p: Person, id: string, decision: string, comment?: string) =>
  invoke(decideH, {
    method: 'POST',
    token: p.token,
    params: { id },
    body: { decision, ...(comment ? { comment } : {}) },
  });
const queue = (p: Person) => invoke(queueH, { token: p.token, query: { limit: '50' } });

async function draft(over: Record<string, unknown> = {}) {
  const res = await create(w.people.issuerAdmin, { ...form, ...over });
  expectWith(res.status, res.text).toBe(201);
  return demandSchema.parse(res.body);
}

describe('draft (POST /v1/demands)', () => {
  it('creates a draft of the issuer: 201, whole object, authority region 440300 for a 深圳 company, campaign deadline by default', async () => {
    const d = await draft();
    expect(d).toMatchObject({
      status: 'draft',
      version: 1,
      region: '440300',
      campaignYear: 2026,
      issuerOrgId: w.issuer.id,
    });
    expect(d.applicationDeadline).toBe(CAMPAIGN.applicationDeadline);
    expect(d.weights).toEqual({ team: 25, capability: 25, plan: 25, match: 25 });
  });

  it('accepts an earlier deadline and refuses a later one with a field message in Chinese', async () => {
    expect((await draft({ applicationDeadline: '2027-03-31T17:00:00+08:00' })).applicationDeadline).toBe(
      '2027-03-31T17:00:00+08:00',
    );
    const res = await create(w.people.issuerAdmin, { ...form, applicationDeadline: '2027-07-01T17:00:00+08:00' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.applicationDeadline).toMatch(/不能晚于.*2027-06-30 17:00/);
  });

  it('validates every field server-side with field-level Chinese messages, and refuses unknown fields', async () => {
    const bad = {
      ...form,
      title: '短',
      indicators: [],
      budget: { negotiable: false },
      contact: { name: '', phone: '123' },
      weights: { team: 50, capability: 50, plan: 50, match: 50 },
      issuerName: '冒充',
    };
    const res = await create(w.people.issuerAdmin, bad);
    expect(res.status).toBe(400);
    const fields = errorBodySchema.parse(res.body).error.fields!;
    for (const path of [
      'title',
      'indicators',
      'budget.amount',
      'contact.name',
      'contact.phone',
      'weights',
      'issuerName',
    ]) {
      expectWith(fields[path], path).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  // An SME's POST /v1/demands makes an sme-track demand (SME 发榜): test/integration/library-sme-track.test.ts.
  it('is refused to users without an enterprise and to authorities (403)', async () => {
    for (const p of [w.people.plainUser, w.people.ministry, w.people.issuerProvince]) {
      expect((await create(p)).status).toBe(403);
    }
  });

  it('lists the enterprise drafts newest first for every member, paginated through GSI1', async () => {
    const mine = await invoke(listH, { token: w.people.issuerMember.token, query: { mine: '1', limit: '2' } });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.nextCursor).toBeTruthy();
    const next = await invoke(listH, {
      token: w.people.issuerMember.token,
      query: { mine: '1', limit: '2', cursor: mine.body.nextCursor },
    });
    expect(next.status).toBe(200);
    expect(next.body.items.map((i: { id: string }) => i.id)).not.toContain(mine.body.items[0].id);
    const other = await invoke(listH, { token: w.people.otherLargeMember.token, query: { mine: '1' } });
    expect(other.body.items).toEqual([]);
    expect((await invoke(listH, { token: w.people.issuerMember.token, query: {} })).status).toBe(400);
  });
});

describe('edit (PUT /v1/demands/{id})', () => {
  it('replaces the form with an optimistic version check', async () => {
    const d = await draft();
    const ok = await invoke(updateH, {
      method: 'PUT',
      token: w.people.issuerMember.token,
      params: { id: d.id },
      body: { ...form, title: '修改后的需求名称：高速电主轴', version: 1 },
    });
    expectWith(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, title: '修改后的需求名称：高速电主轴', status: 'draft' });
    const stale = await invoke(updateH, {
      method: 'PUT',
      token: w.people.issuerAdmin.token,
      params: { id: d.id },
      body: { ...form, version: 1 },
    });
    expect(stale.status).toBe(409);
  });

  it('refuses edits once submitted (409) and hides the demand from other enterprises (404)', async () => {
    const d = await draft();
    expect((await submit(w.people.issuerAdmin, d.id)).status).toBe(200);
    const res = await invoke(updateH, {
      method: 'PUT',
      token: w.people.issuerAdmin.token,
      params: { id: d.id },
      body: form,
    });
    expect(res.status).toBe(409);
    const other = await invoke(updateH, {
      method: 'PUT',
      token: w.people.otherLargeMember.token,
      params: { id: d.id },
      body: form,
    });
    expect(other.status).toBe(404);
  });
});

describe('province channel: submit → forward → publish', () => {
  it('walks the whole path with queues, timeline, notifications and catalogue cards', async () => {
    const d = await draft({ title: '深圳通道测试：精密减速器寿命提升', field: 'high_end_equipment' });
    const s = await submit(w.people.issuerAdmin, d.id, 'province');
    expectWith(s.status, s.text).toBe(200);
    expect(s.body).toMatchObject({ status: 'submitted', channel: 'province', version: 2 });

    // 深圳 (440300) sees it; 广东 (440000) does not — neither in its queue nor by id.
    const q1 = reviewQueueSchema.parse((await queue(w.people.issuerProvince)).body);
    expect(q1.items.map((i) => i.id)).toContain(d.id);
    expect(q1.counts.total).toBeGreaterThanOrEqual(1);
    expect((await queue(w.people.otherProvince)).body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    expect((await decide(w.people.otherProvince, d.id, 'forward')).status).toBe(404);
    // The ministry does not act on a province-channel demand before the province.
    expect((await decide(w.people.ministry, d.id, 'publish')).status).toBe(409);

    const f = await decide(w.people.issuerProvince, d.id, 'forward', '材料齐全，同意转报');
    expectWith(f.status, f.text).toBe(200);
    expect(f.body.status).toBe('forwarded');
    expect((await queue(w.people.issuerProvince)).body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    expect((await queue(w.people.ministry)).body.items.map((i: { id: string }) => i.id)).toContain(d.id);

    // The ministry reads the contact masked (pipl), in the shape the client parses every answer with.
    const asMinistry = await invoke(getH, { token: w.people.ministry.token, params: { id: d.id } });
    const seen = demandDetailSchema.parse(asMinistry.body);
    expect(seen.contact.phone).toContain('****');
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['publish', 'return', 'reject']));

    const p = await decide(w.people.ministry, d.id, 'publish', '可行');
    expectWith(p.status, p.text).toBe(200);
    expect(p.body.status).toBe('published');
    expect((await queue(w.people.ministry)).body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);

    // Timeline: one Query returns the demand and its audit events (after the member's current roles: one Get).
    const spy = spyOnStore();
    const detail = await invoke(getH, { token: w.people.issuerMember.token, params: { id: d.id } });
    expect(spy.commands()).toEqual(['GetCommand', 'QueryCommand']);
    spy.restore();
    const parsed = demandDetailSchema.parse(detail.body);
    expect(parsed.timeline.map((e) => e.action)).toEqual(['create', 'submit', 'forward', 'publish']);
    expect(parsed.timeline[2]).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'forwarded',
      comment: '材料齐全，同意转报',
      actor: { role: 'province:440300', name: '深圳市中小企业主管部门' },
    });

    // Notifications to the issuer's members for each decision.
    const notes = await inboxOf(`org:${w.issuer.id}`);
    const kinds = notes.filter((n) => n.objectId === d.id).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['demand_forward', 'demand_publish']));
    expect((await inboxOf('authority:440300')).some((n) => n.objectId === d.id)).toBe(true);

    // In the catalogue under every filter that matches, not under others (the keyword once the scheduled
    // indexer wrote its postings: the publishing request only enqueued them).
    expect((await runIndexerNow(NOW)).indexed).toBeGreaterThanOrEqual(1);
    for (const query of [
      {},
      { field: 'high_end_equipment' },
      { region: '440300' },
      { field: 'high_end_equipment', region: '440300' },
      { open: '1' },
      { q: '精密减速器' },
    ] as Record<string, string>[]) {
      const page = await invoke(catalogueH, { query: { limit: '50', ...query } });
      expectWith(page.status, JSON.stringify(query)).toBe(200);
      expectWith(
        page.body.items.map((i: { id: string }) => i.id),
        JSON.stringify(query),
      ).toContain(d.id);
    }
    for (const query of [{ region: '440000' }, { field: 'biomedicine' }, { open: '0' }, { q: '减速器涂层' }] as Record<
      string,
      string
    >[]) {
      const page = await invoke(catalogueH, { query: { limit: '50', ...query } });
      expectWith(
        page.body.items.map((i: { id: string }) => i.id),
        JSON.stringify(query),
      ).not.toContain(d.id);
    }
  });

  it('returns with a reason (required), lets the issuer edit and resubmit', async () => {
    const d = await draft();
    await submit(w.people.issuerAdmin, d.id);
    const noReason = await decide(w.people.issuerProvince, d.id, 'return');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.comment).toMatch(/理由/);
    const r = await decide(w.people.issuerProvince, d.id, 'return', '技术指标不够具体，请补充');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('returned');
    const edited = await invoke(updateH, {
      method: 'PUT',
      token: w.people.issuerAdmin.token,
      params: { id: d.id },
      body: { ...form, title: '补充指标后的需求名称示例' },
    });
    expect(edited.status).toBe(200);
    const again = await submit(w.people.issuerAdmin, d.id, 'ministry');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'submitted', channel: 'ministry' });
    // Now it waits for the ministry, not for the province.
    expect((await queue(w.people.issuerProvince)).body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    expect((await queue(w.people.ministry)).body.items.map((i: { id: string }) => i.id)).toContain(d.id);
    const rej = await decide(w.people.ministry, d.id, 'reject', '不属于产业基础领域');
    expect(rej.body.status).toBe('rejected');
    const notes = (await inboxOf(`org:${w.issuer.id}`)).filter((n) => n.objectId === d.id);
    expect(notes.find((n) => n.kind === 'demand_return')?.body).toContain('技术指标不够具体');
    expect(notes.find((n) => n.kind === 'demand_reject')?.body).toContain('不属于产业基础领域');
  });

  it('keeps the review powers apart: provinces cannot publish (403), SMEs and issuers cannot review (403)', async () => {
    const d = await draft();
    await submit(w.people.issuerAdmin, d.id);
    expect((await decide(w.people.issuerProvince, d.id, 'publish')).status).toBe(403);
    expect((await decide(w.people.ministry, d.id, 'forward')).status).toBe(403);
    for (const p of [w.people.issuerAdmin, w.people.smeUser, w.people.plainUser, w.people.admin]) {
      expect((await decide(p, d.id, 'forward')).status).toBe(403);
      expect((await queue(p)).status).toBe(403);
    }
  });
});

describe('concurrency', () => {
  it('two ministry reviewers deciding at once: exactly one succeeds, the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const d = await draft();
      await submit(w.people.issuerAdmin, d.id, 'ministry');
      const [a, b] = await Promise.all([
        decide(w.people.ministry, d.id, 'publish'),
        decide(w.people.ministry2, d.id, 'reject', '不可行'),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const detail = demandDetailSchema.parse(
        (await invoke(getH, { token: w.people.issuerAdmin.token, params: { id: d.id } })).body,
      );
      expect(detail.timeline.filter((e) => e.action === 'publish' || e.action === 'reject')).toHaveLength(1);
      expect(detail.version).toBe(3);
    }
  });

  it('twenty parallel submits of one draft: one submission', async () => {
    const d = await draft();
    const all = await Promise.all(Array.from({ length: 20 }, () => submit(w.people.issuerAdmin, d.id)));
    expect(all.filter((r) => r.status === 200)).toHaveLength(1);
    expect(all.every((r) => r.status === 200 || r.status === 409)).toBe(true);
  });

  it('twenty parallel submits under one Idempotency-Key: one submission, everyone gets its answer, replays write nothing', async () => {
    const d = await draft();
    const all = await Promise.all(
      Array.from({ length: 20 }, () => submit(w.people.issuerAdmin, d.id, 'province', 'demand-key-0001')),
    );
    expect(new Set(all.map((r) => r.status))).toEqual(new Set([200]));
    for (const r of all) expect(r.body).toEqual(all[0]!.body);
    expect(demandSchema.parse(all[0]!.body)).toMatchObject({ id: d.id, status: 'submitted', version: 2 });
    const timeline = async () =>
      (await invoke(getH, { token: w.people.issuerAdmin.token, params: { id: d.id } })).body.timeline as {
        action: string;
      }[];
    expect((await timeline()).filter((e) => e.action === 'submit')).toHaveLength(1);
    const authorityNotes = async () => (await inboxOf('authority:440300')).filter((n) => n.objectId === d.id).length;
    expect(await authorityNotes()).toBe(1);

    // Later, with the demand already forwarded, the same key still answers what it answered first and writes nothing.
    expect((await decide(w.people.issuerProvince, d.id, 'forward')).status).toBe(200);
    const replay = await submit(w.people.issuerAdmin, d.id, 'province', 'demand-key-0001');
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(all[0]!.body);
    expect((await timeline()).filter((e) => e.action === 'submit')).toHaveLength(1);
    expect(await authorityNotes()).toBe(1);

    // The same key on another demand is refused; a malformed key is a 400.
    const other = await draft();
    const reused = await submit(w.people.issuerAdmin, other.id, 'province', 'demand-key-0001');
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await submit(w.people.issuerAdmin, other.id, 'province', 'short')).status).toBe(400);
  });
});

describe('deadlines by the server clock', () => {
  it('refuses a submit once the application deadline has passed (422 DEADLINE_PASSED), to the second', async () => {
    const deadline = '2026-12-01T12:00:00+08:00';
    const d = await draft({ applicationDeadline: deadline, expectedCompletion: '2027-12-31' });
    at(Date.parse(deadline));
    const late = await submit(await tokenAt(w.people.issuerAdmin, new Date(Date.parse(deadline))), d.id);
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('DEADLINE_PASSED');
    const justBefore = new Date(Date.parse(deadline) - 1000);
    at(justBefore.getTime());
    expect((await submit(await tokenAt(w.people.issuerAdmin, justBefore), d.id)).status).toBe(200);
  });

  it('refuses a submit after the campaign intake deadline (422 INTAKE_CLOSED)', async () => {
    const d = await draft();
    const after = new Date(Date.parse(CAMPAIGN.demandIntakeDeadline) + 1000);
    at(after.getTime());
    const res = await submit(await tokenAt(w.people.issuerAdmin, after), d.id);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INTAKE_CLOSED');
  });

  it('shows a published demand open:false the second its deadline passes', async () => {
    const deadline = '2026-12-10T12:00:00+08:00';
    const d = await draft({ applicationDeadline: deadline, title: '截止测试需求：耐高温密封件' });
    await submit(w.people.issuerAdmin, d.id, 'ministry');
    expect((await decide(w.people.ministry, d.id, 'publish')).status).toBe(200);
    at(Date.parse(deadline) - 1);
    expect(
      (await invoke(catalogueH, { query: { open: '1', limit: '50' } })).body.items.map((i: { id: string }) => i.id),
    ).toContain(d.id);
    at(Date.parse(deadline));
    const open = await invoke(catalogueH, { query: { open: '1', limit: '50' } });
    expect(open.body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    const closed = await invoke(catalogueH, { query: { open: '0', limit: '50' } });
    expect(closed.body.items.find((i: { id: string }) => i.id === d.id)).toMatchObject({
      open: false,
      status: 'published',
    });
  });
});

describe('withdrawal', () => {
  it('withdraws a published demand with a public reason; cards updated in the same transaction', async () => {
    const d = await draft({ title: '撤回测试需求：航空复合材料修补', field: 'aerospace' });
    await submit(w.people.issuerAdmin, d.id, 'ministry');
    await decide(w.people.ministry, d.id, 'publish');
    expect((await act(withdrawH, w.people.otherLargeMember.token, d.id, { reason: '不关我事' })).status).toBe(404);
    expect((await act(withdrawH, w.people.issuerAdmin.token, d.id, {})).status).toBe(400);
    const res = await act(withdrawH, w.people.issuerAdmin.token, d.id, { reason: '集团技术路线调整，需求取消' });
    expectWith(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    const pub = await invoke(catalogueGetH, { params: { id: d.id } });
    expect(pub.body).toMatchObject({ status: 'withdrawn', open: false, withdrawReason: '集团技术路线调整，需求取消' });
    const all = await invoke(catalogueH, { query: { field: 'aerospace', limit: '50' } });
    expect(all.body.items.find((i: { id: string }) => i.id === d.id)).toMatchObject({
      status: 'withdrawn',
      open: false,
    });
    const open = await invoke(catalogueH, { query: { field: 'aerospace', open: '1', limit: '50' } });
    expect(open.body.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    const closed = await invoke(catalogueH, { query: { field: 'aerospace', open: '0', limit: '50' } });
    expect(closed.body.items.map((i: { id: string }) => i.id)).toContain(d.id);
    // A second withdrawal is a state conflict.
    expect((await act(withdrawH, w.people.issuerAdmin.token, d.id, { reason: '再次撤回' })).status).toBe(409);
  });
});
