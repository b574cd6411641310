/**
 * Clarifications (答疑, trust): ask until 5 days before the deadline (server clock, both sides of the instant),
 * the issuer's to-do and answer, the public list, notifications to followers, drafters and the asker; every role ×
 * every route; the anonymity scan (the asker never reaches the issuer or the public, an anonymous issuer never
 * reaches anyone outside); two answers at once.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { issuerQuestionsSchema, publicQuestionsSchema, questionSchema, questionDeadline } from '@jiebang/shared';
import { handler as askH } from '../../functions/src/handlers/questions-ask';
import { handler as publicH } from '../../functions/src/handlers/questions-public';
import { handler as issuerH } from '../../functions/src/handlers/questions-of-demand';
import { handler as answerH } from '../../functions/src/handlers/questions-answer';
import { handler as verifyH } from '../../functions/src/handlers/audit-verify';
import { deps, overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { keys } from '../../functions/src/store/keys';
import type { Org } from '@jiebang/shared';
import { expectWith } from '../support/expect-with';
import { invoke } from '../support/invoke';
import { inboxOf } from '../support/inspect';
import { enterprise, publishedDemand, session } from './applications-support';

const DEADLINE = '2026-12-31T17:00:00+08:00';
const CLOSES = Date.parse(questionDeadline(DEADLINE));
const at = (ms: number) => overrideDeps({ clock: { now: () => new Date(ms) } });
afterEach(() => overrideDeps({ clock: systemClock }));

type S = Awaited<ReturnType<typeof session>>;
let issuer: { org: Org; admin: S };
let reviewer: S;
let sme: { org: Org; admin: S };
let sme2: { org: Org; admin: S };
let watcher: S;
let province: S;
let plain: S;

beforeAll(async () => {
  issuer = await enterprise({
    kind: 'large',
    size: 'large',
    name: '隐名发榜重工集团有限公司',
    contact: { name: '秘密联系人', phone: '13911112222', email: 'secret@issuer.cn' },
  } as never);
  reviewer = await session(['reviewer'], issuer.org.id);
  sme = await enterprise({ name: '提问者精密科技有限公司' });
  sme2 = await enterprise({ name: '起草者新材料有限公司' });
  watcher = await session([], null);
  province = await session(['province:440300'], null);
  plain = await session([], null);
}, 60_000);

/** A token issued at the (fake) clock's now: tokens from the clock's future are refused. */
const tok = async (s: S) =>
  (await deps().tokens.issue({ id: s.id, roles: s.roles, orgId: s.orgId }, deps().clock.now())).token;
const ask = async (who: S | undefined, id: string, text = '请问样机验证可以在贵司现场进行吗？') =>
  invoke(askH, { method: 'POST', ...(who ? { token: await tok(who) } : {}), params: { id }, body: { text } });
const answer = async (who: S, id: string, qid: string, text = '可以，样机验证在我司试验场进行，费用由我司承担。') =>
  invoke(answerH, { method: 'POST', token: await tok(who), params: { id, qid }, body: { text } });
const list = async (who: S, id: string) => invoke(issuerH, { token: await tok(who), params: { id } });

async function demandOf(over: Record<string, unknown> = {}) {
  return publishedDemand(issuer.org, { applicationDeadline: DEADLINE, ...over });
}

describe('asking (POST /v1/catalogue/{id}/questions)', () => {
  it('open a millisecond before the question deadline (5 days before the application deadline), 422 at it', async () => {
    const d = await demandOf();
    at(CLOSES - 1);
    const before = await ask(sme.admin, d.id);
    expectWith(before.status, before.text).toBe(201);
    expect(questionSchema.parse(before.body)).toMatchObject({ status: 'open', demandId: d.id });
    at(CLOSES);
    const closed = await ask(sme.admin, d.id);
    expectWith(closed.status, closed.text).toBe(422);
    expect(closed.body.error.code).toBe('QUESTIONS_CLOSED');
    at(CLOSES - 1);
    const pub = publicQuestionsSchema.parse((await invoke(publicH, { params: { id: d.id } })).body);
    expect(pub).toMatchObject({ open: true, questionDeadline: new Date(CLOSES).toISOString(), items: [] });
    at(CLOSES);
    expect((await invoke(publicH, { params: { id: d.id } })).body.open).toBe(false);
  });

  it('refuses: no session 401, no enterprise 403, the issuer itself 403, an unpublished demand 404, bad text 400', async () => {
    const d = await demandOf();
    at(CLOSES - 86_400_000);
    expect((await ask(undefined, d.id)).status).toBe(401);
    expect((await ask(plain, d.id)).status).toBe(403);
    expect((await ask(issuer.admin, d.id)).status).toBe(403);
    const draft = await demandOf({ status: 'draft', publishedAt: undefined });
    expect((await ask(sme.admin, draft.id)).status).toBe(404);
    expect((await ask(sme.admin, d.id, '短')).status).toBe(400);
  });

  it('gives the issuer a to-do that does not name the asker', async () => {
    const d = await demandOf();
    at(CLOSES - 86_400_000);
    expect((await ask(sme.admin, d.id)).status).toBe(201);
    const todo = (await inboxOf(`org:${issuer.org.id}`)).find(
      (n) => n.kind === 'question_asked' && n.objectId === d.id,
    );
    expect(todo).toBeDefined();
    expect(JSON.stringify(todo)).not.toContain(sme.org.name);
    expect(JSON.stringify(todo)).not.toContain(sme.org.id);
  });
});

describe('answering and the public list', () => {
  it('the issuer answers; the answer is public without the asker; followers, drafters and the asker are told; the demand trail verifies', async () => {
    const d = await demandOf({ anonymous: true });
    at(CLOSES - 86_400_000);
    // Followers: a watcher, and an enterprise with a draft application to the demand.
    await deps().store.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
        TableName: deps().store.table,
        Item: {
          ...keys.watcher(d.id, watcher.id),
          entityType: 'DemandWatcher',
          demandId: d.id,
          userId: watcher.id,
          orgId: null,
          createdAt: new Date().toISOString(),
        },
      }),
    );
    await deps().store.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
        TableName: deps().store.table,
        Item: {
          PK: 'APP#fixture-draft',
          SK: 'PROFILE',
          GSI2PK: keys.demandDraftsPartition(d.id),
          GSI2SK: `x#fixture`,
          orgId: sme2.org.id,
          id: 'fixture-draft',
        },
      }),
    );
    const asked = questionSchema.parse((await ask(sme.admin, d.id)).body);
    const listed = issuerQuestionsSchema.parse((await list(reviewer, d.id)).body);
    expect(listed).toMatchObject({ unanswered: 1, items: [{ id: asked.id, status: 'open' }] });

    const res = await answer(reviewer, d.id, asked.id);
    expectWith(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'answered', answer: expect.stringContaining('样机验证') });

    const pub = await invoke(publicH, { params: { id: d.id } });
    expect(publicQuestionsSchema.parse(pub.body).items).toEqual([
      expect.objectContaining({ id: asked.id, text: asked.text, answer: expect.stringContaining('试验场') }),
    ]);
    for (const secret of [
      sme.org.name,
      sme.org.id,
      sme.admin.id,
      issuer.org.name,
      issuer.org.id,
      '秘密联系人',
      '13911112222',
    ])
      expect(pub.text).not.toContain(secret);

    for (const principal of [`user:${watcher.id}`, `org:${sme2.org.id}`, `org:${sme.org.id}`]) {
      const told = (await inboxOf(principal)).filter((n) => n.kind === 'question_answered' && n.objectId === d.id);
      expectWith(told.length, principal).toBe(1);
      // The anonymity scan of the notifications: neither the anonymous issuer nor the asker.
      for (const secret of [issuer.org.name, issuer.org.id, sme.org.name, '秘密联系人'])
        expect(JSON.stringify(told)).not.toContain(secret);
    }
    expect((await inboxOf(`org:${issuer.org.id}`)).some((n) => n.kind === 'question_answered')).toBe(false);

    const v = await invoke(verifyH, { token: await tok(issuer.admin), params: { type: 'demand', id: d.id } });
    expect(v.body).toMatchObject({ ok: true, length: 1 });
  });

  it('two answers at once: one 200, one 409; the second answer does not replace the first', async () => {
    const d = await demandOf();
    at(CLOSES - 86_400_000);
    const q = questionSchema.parse((await ask(sme.admin, d.id)).body);
    const [a, b] = await Promise.all([
      answer(issuer.admin, d.id, q.id, '第一种答复：可以现场验证。'),
      answer(reviewer, d.id, q.id, '第二种答复：不可以现场验证。'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const pub = publicQuestionsSchema.parse((await invoke(publicH, { params: { id: d.id } })).body);
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]!.answer).toBe((a.status === 200 ? a : b).body.answer);
  });
});

describe('every role × every route', () => {
  it('only the issuer members list and answer (404 to others); the public list is public; the asker never appears', async () => {
    const d = await demandOf({ anonymous: true });
    at(CLOSES - 86_400_000);
    const q = questionSchema.parse((await ask(sme.admin, d.id)).body);
    const outsiders = { sme: sme.admin, sme2: sme2.admin, province, plain, watcher };
    for (const [who, p] of Object.entries(outsiders)) {
      const l = await list(p, d.id);
      expectWith(l.status, `${who} list`).toBe(404);
      const an = await answer(p, d.id, q.id);
      expectWith(an.status, `${who} answer`).toBe(404);
      for (const r of [l, an]) {
        expect(r.text).not.toContain(issuer.org.name);
        expect(r.text).not.toContain(q.text);
      }
    }
    expect((await invoke(issuerH, { params: { id: d.id } })).status).toBe(401);
    const own = await list(issuer.admin, d.id);
    expect(own.status).toBe(200);
    for (const secret of [sme.org.name, sme.org.id, sme.admin.id]) expect(own.text).not.toContain(secret);
    expect((await answer(issuer.admin, d.id, 'NOPE')).status).toBe(404);
    expect((await invoke(publicH, { params: { id: 'NOPE' } })).status).toBe(404);
  });
});
