/**
 * The tamper-evident audit log (trust): trails chained as they are written, read and verified through the API,
 * broken on purpose directly in DynamoDB Local (an edited event, a deleted one, a deleted tail, a whole deleted
 * trail), the daily links of the platform chain, and concurrent appends that must not fork a trail.
 */
import { describe, expect, it } from '@jest/globals';
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { auditTrailSchema, auditVerdictSchema, demandSchema } from '@jiebang/shared';
import { handler as createH } from '../../functions/src/handlers/demands-create';
import { handler as updateH } from '../../functions/src/handlers/demands-update';
import { handler as submitH } from '../../functions/src/handlers/demands-submit';
import { handler as auditGetH } from '../../functions/src/handlers/audit-get';
import { handler as auditVerifyH } from '../../functions/src/handlers/audit-verify';
import { deps, overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { GENESIS } from '../../functions/src/domain/audit-hash';
import { DynamoAuditRepository } from '../../functions/src/store/dynamo-audit';
import { auditPut } from '../../functions/src/store/events';
import { keys } from '../../functions/src/store/keys';
import { transact } from '../../functions/src/store/transact';
import { anchorDays, verifyEverything } from '../../functions/src/use-cases/audit';
import { NOW, type Person, worldAtNow } from '../support/actors';
import { expectWith } from '../support/expect-with';
import { demandForm } from '../support/fixtures';
import { act, invoke } from '../support/invoke';

const w = worldAtNow();

const form = demandForm();
const trail = (p: Person | null, id: string, type = 'demand') =>
  invoke(auditGetH, { ...(p ? { token: p.token } : {}), params: { type, id } });
const verify = async (id: string, p: Person = w.people.issuerAdmin) => {
  const res = await invoke(auditVerifyH, { token: p.token, params: { type: 'demand', id } });
  expectWith(res.status, res.text).toBe(200);
  return auditVerdictSchema.parse(res.body);
};

/** A demand with three events: created, edited, submitted. */
async function demandWithTrail(): Promise<string> {
  const created = await invoke(createH, { method: 'POST', token: w.people.issuerAdmin.token, body: form });
  expectWith(created.status, created.text).toBe(201);
  const d = demandSchema.parse(created.body);
  const updated = await invoke(updateH, {
    method: 'PUT',
    token: w.people.issuerAdmin.token,
    params: { id: d.id },
    body: { ...form, title: `${form.title}（修订）`, version: d.version },
  });
  expectWith(updated.status, updated.text).toBe(200);
  const submitted = await act(submitH, w.people.issuerAdmin.token, d.id, { channel: 'province' });
  expectWith(submitted.status, submitted.text).toBe(200);
  return d.id;
}

const auditItems = async (pk: string) =>
  (
    await deps().store.doc.send(
      new QueryCommand({
        TableName: deps().store.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': 'AUDIT' },
      }),
    )
  ).Items ?? [];
const eventsOf = async (pk: string) =>
  (await auditItems(pk)).filter((i) => String(i.SK).startsWith('AUDIT#')).sort((a, b) => a.seq - b.seq);
const del = (item: Record<string, unknown>) =>
  deps().store.doc.send(new DeleteCommand({ TableName: deps().store.table, Key: { PK: item.PK, SK: item.SK } }));

describe('a trail as written (GET /v1/audit/{type}/{id})', () => {
  it('chains each event to the one before: seq 1…n, prevHash = the previous hash, GENESIS first; verify says ok', async () => {
    const id = await demandWithTrail();
    const res = await trail(w.people.issuerAdmin, id);
    expectWith(res.status, res.text).toBe(200);
    const t = auditTrailSchema.parse(res.body);
    expect(t.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(t.events[0]!.prevHash).toBe(GENESIS);
    expect(t.events[1]!.prevHash).toBe(t.events[0]!.hash);
    expect(t.events[2]!.prevHash).toBe(t.events[1]!.hash);
    expect(t.events.every((e) => /^[0-9a-f]{64}$/.test(e.hash!))).toBe(true);
    const v = await verify(id);
    expect(v).toMatchObject({ ok: true, length: 3, head: t.events[2]!.hash, breaks: [] });
  });

  it('is shown to whoever may see the object: the issuer and its authority; 404 to other enterprises and authorities, 401 without a session', async () => {
    const id = await demandWithTrail();
    expect((await trail(w.people.issuerProvince, id)).status).toBe(200);
    expect((await trail(w.people.ministry, id)).status).toBe(200);
    for (const p of [w.people.otherLargeMember, w.people.smeUser, w.people.plainUser, w.people.otherProvince]) {
      const res = await trail(p, id);
      expectWith(res.status, res.text).toBe(404);
      expect(res.text).not.toContain(w.issuer.name);
    }
    expect((await trail(null, id)).status).toBe(401);
    expect((await trail(w.people.issuerAdmin, 'NOPE', 'demand')).status).toBe(404);
    expect((await trail(w.people.issuerAdmin, id, 'nothing')).status).toBe(400);
  });
});

describe('verification finds what was changed directly in DynamoDB', () => {
  it('an edited event: the exact event (its place and id) is named as altered', async () => {
    const id = await demandWithTrail();
    const [, second] = await eventsOf(keys.demand(id).PK);
    await deps().store.doc.send(
      new UpdateCommand({
        TableName: deps().store.table,
        Key: { PK: second!.PK, SK: second!.SK },
        UpdateExpression: 'SET #a = :a',
        ExpressionAttributeNames: { '#a': 'action' },
        ExpressionAttributeValues: { ':a': 'publish' },
      }),
    );
    const v = await verify(id);
    expect(v.ok).toBe(false);
    expect(v.breaks).toEqual([
      { seq: 2, eventId: second!.id, reason: 'altered', message: '第 2 条记录的内容被改动过' },
    ]);
  });

  it('an edited event whose hash was recomputed to match: the next event no longer follows it', async () => {
    const id = await demandWithTrail();
    const [, second, third] = await eventsOf(keys.demand(id).PK);
    const { eventHash } = await import('../../functions/src/domain/audit-hash');
    const { PK: _p, SK: _s, entityType: _e, ...stored } = second!;
    const forged = { ...stored, comment: '改过的理由' };
    await deps().store.doc.send(
      new UpdateCommand({
        TableName: deps().store.table,
        Key: { PK: second!.PK, SK: second!.SK },
        UpdateExpression: 'SET #c = :c, #h = :h',
        ExpressionAttributeNames: { '#c': 'comment', '#h': 'hash' },
        ExpressionAttributeValues: { ':c': forged.comment, ':h': eventHash(forged) },
      }),
    );
    const v = await verify(id);
    expect(v.ok).toBe(false);
    expect(v.breaks.map((b) => [b.seq, b.reason, b.eventId])).toEqual([[3, 'missing', third!.id]]);
  });

  it('a deleted event in the middle: the place where the trail skips', async () => {
    const id = await demandWithTrail();
    const [, second] = await eventsOf(keys.demand(id).PK);
    await del(second!);
    const v = await verify(id);
    expect(v.ok).toBe(false);
    expect(v.breaks).toEqual([
      expect.objectContaining({ seq: 2, reason: 'missing', message: '第 2 条记录缺失（下一条是第 3 条）' }),
    ]);
  });

  it('a deleted last event: the head says the trail was longer', async () => {
    const id = await demandWithTrail();
    const events = await eventsOf(keys.demand(id).PK);
    await del(events[2]!);
    const v = await verify(id);
    expect(v).toMatchObject({ ok: false, length: 2 });
    expect(v.breaks).toEqual([expect.objectContaining({ seq: 3, reason: 'head_mismatch' })]);
  });

  it('a whole trail deleted (events, head and its own anchors): the platform chain still names it', async () => {
    const id = await demandWithTrail();
    const kept = await demandWithTrail();
    const audit = { audit: new DynamoAuditRepository(deps().store) };
    const linked = await anchorDays(new Date(NOW.getTime() + 86_400_000), audit);
    expect(linked.at(-1)).toMatchObject({ day: '2026-11-20' });
    expect(linked.at(-1)!.count).toBeGreaterThanOrEqual(2);
    expect((await verifyEverything(new Date(NOW.getTime() + 86_400_000), audit)).ok).toBe(false); // earlier tests' tampering
    // The object's own view first: deleting events and head but not its anchor is caught by the anchor.
    const pk = keys.demand(id).PK;
    for (const item of await auditItems(pk)) if (!String(item.SK).startsWith('AUDITANCHORED#')) await del(item);
    const v = await verify(id);
    expect(v.breaks).toEqual([expect.objectContaining({ reason: 'chain_missing' })]);
    // Everything gone from the object's partition: only the platform chain remembers.
    for (const item of await auditItems(pk)) await del(item);
    expect(await verify(id)).toMatchObject({ ok: true, length: 0 });
    const report = await verifyEverything(new Date(NOW.getTime() + 86_400_000), audit);
    const finding = report.findings.find((f) => f.where === pk);
    expect(finding?.breaks).toEqual([expect.objectContaining({ reason: 'chain_missing' })]);
    expect(report.findings.find((f) => f.where === keys.demand(kept).PK)).toBeUndefined();
  });

  it('a day link of the platform chain altered or removed: named by its day', async () => {
    const audit = new DynamoAuditRepository(deps().store);
    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    await anchorDays(later, { audit });
    const days = await audit.days();
    const target = days.at(-2)!;
    await deps().store.doc.send(
      new UpdateCommand({
        TableName: deps().store.table,
        Key: keys.auditChainDay(target.day),
        UpdateExpression: 'SET #c = :c',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':c': target.count + 1 },
      }),
    );
    let report = await verifyEverything(later, { audit });
    expect(report.findings.find((f) => f.where === `平台存证链 ${target.day}`)?.breaks.map((b) => b.reason)).toEqual([
      'altered',
      'anchor_mismatch',
    ]);
    await del({ ...keys.auditChainDay(target.day) });
    report = await verifyEverything(later, { audit });
    expect(report.findings.find((f) => f.where === `平台存证链 ${days.at(-1)!.day}`)?.breaks[0]?.reason).toBe(
      'missing',
    );
  });
});

describe('every area appends through the same chain', () => {
  it("an application's trail (created, submitted) verifies for its SME and its authority; 404 to an outsider", async () => {
    const { handler: createApp } = await import('../../functions/src/handlers/applications-create');
    const { handler: submitApp } = await import('../../functions/src/handlers/applications-submit');
    const s = await import('./applications-support');
    overrideDeps({ clock: systemClock }); // the fixtures' sessions are issued at the real clock
    const issuer = await s.enterprise({ kind: 'large', size: 'large', employees: 20000, revenue: 5_000_000 });
    const d = await s.publishedDemand(issuer.org, { anonymous: false });
    const sme = await s.enterprise();
    const att = await s.attachment(sme.org.id);
    const created = await act(createApp, sme.admin.token, d.id, s.applicationInput({ attachments: [att] }));
    expectWith(created.status, created.text).toBe(201);
    const appId = (created.body as { id: string }).id;
    const submitted = await act(submitApp, sme.admin.token, appId);
    expectWith(submitted.status, submitted.text).toBe(200);
    const res = await invoke(auditVerifyH, { token: sme.admin.token, params: { type: 'application', id: appId } });
    expect(res.body).toMatchObject({ ok: true, length: 2 });
    const province = await s.session([`province:${sme.org.authorityRegion}`]);
    const seen = await invoke(auditGetH, { token: province.token, params: { type: 'application', id: appId } });
    expect(auditTrailSchema.parse(seen.body).events.map((e) => e.seq)).toEqual([1, 2]);
    const outsider = await s.session(['org_admin'], (await s.enterprise()).org.id);
    expect(
      (await invoke(auditGetH, { token: outsider.token, params: { type: 'application', id: appId } })).status,
    ).toBe(404);
  });
});

describe('anonymity scan of the audit routes', () => {
  it("an applicant reads its application's trail after an anonymous issuer selected: nothing names the issuer", async () => {
    const { handler: selectH } = await import('../../functions/src/handlers/selection-create');
    const ev = await import('./evaluation-support');
    ev.clockAt(ev.AFTER);
    const w = await ev.evaluationWorld({ applicants: 2, anonymous: true });
    const [winner, loser] = w.applicants;
    const select = await act(selectH, w.admin.token, w.demand.id, {
      applicationIds: [winner!.app.id],
      justification: '综合评分靠前',
    });
    expectWith(select.status, select.text).toBe(201);
    const secrets = [w.issuer.name, w.issuer.creditCode, w.issuer.id, w.admin.user.id, w.demand.contact.name];
    for (const a of [winner!, loser!]) {
      for (const h of [auditGetH, auditVerifyH]) {
        const res = await invoke(h, { token: a.admin.token, params: { type: 'application', id: a.app.id } });
        expectWith(res.status, res.text).toBe(200);
        for (const secret of secrets) expectWith(res.text.includes(secret), `${secret} in ${res.text}`).toBe(false);
      }
      // The demand's own trail is the issuer's and its authorities': 404 to an applicant, naming nothing.
      const demandTrail = await invoke(auditGetH, {
        token: a.admin.token,
        params: { type: 'demand', id: w.demand.id },
      });
      expect(demandTrail.status).toBe(404);
      for (const secret of secrets) expect(demandTrail.text).not.toContain(secret);
    }
  });
});

describe('concurrent changes of one object', () => {
  it('20 appends at once: one trail of 20, none forked (each follows the head it was conditioned on)', async () => {
    const pk = 'TESTOBJECT#concurrent';
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transact(deps().store, [
          auditPut(deps().store.table, pk, {
            objectType: 'org',
            objectId: 'concurrent',
            action: `change-${i}`,
            actor: { userId: 'u', role: 'system' },
            at: NOW.toISOString(),
          }),
        ]),
      ),
    );
    const chain = await new DynamoAuditRepository(deps().store).chain(pk);
    expect(chain.events.map((e) => e.seq).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(chain.head).toMatchObject({ length: 20 });
    const { verifyChain } = await import('../../functions/src/domain/audit-hash');
    expect(verifyChain(chain.events, chain.head).ok).toBe(true);
  }, 60_000);
});
