import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { feedbackSchema, selectionDecisionSchema } from '@jiebang/shared';
import { handler as selectH } from '../../functions/src/handlers/selection-create';
import { handler as putH } from '../../functions/src/handlers/scores-put';
import { handler as feedbackH } from '../../functions/src/handlers/scores-feedback';
import { handler as rankingH } from '../../functions/src/handlers/ranking-get';
import { handler as appGetH } from '../../functions/src/handlers/applications-get';
import { handler as catalogueGetH } from '../../functions/src/handlers/catalogue-get';
import { evaluationKeys } from '../../functions/src/store/keys';
import { invoke } from '../support/invoke';
import {
  AFTER,
  BEFORE,
  clockAt,
  clockEachTestAt,
  evaluationWorld,
  inboxOf,
  partition,
  repos,
  who,
  type EvaluationWorld,
  type Who,
} from './evaluation-support';

clockEachTestAt();

const select = (p: Who | null, demandId: string, body: unknown) =>
  invoke(selectH, { method: 'POST', token: p?.token, params: { id: demandId }, body });
const score = (p: Who, id: string, s: [number, number, number, number], comment?: string) =>
  invoke(putH, {
    method: 'PUT',
    token: p.token,
    params: { id },
    body: { team: s[0], capability: s[1], plan: s[2], match: s[3], ...(comment ? { comment } : {}) },
  });
const feedback = (p: Who, id: string) => invoke(feedbackH, { token: p.token, params: { id } });
const statuses = async (w: EvaluationWorld) =>
  Promise.all(w.applicants.map(async (a) => (await repos().applications.get(a.app.id))!.status));

describe('selection rules', () => {
  it('before the application deadline (server clock) it is refused with 422; one second after, it passes', async () => {
    const w = await evaluationWorld({ applicants: 2 });
    clockAt(BEFORE);
    const early = await select(w.admin, w.demand.id, {
      applicationIds: [w.applicants[0]!.app.id],
      justification: '方案最优',
    });
    expectWith(early.status, early.text).toBe(422);
    expect(early.body.error.code).toBe('DEADLINE_NOT_PASSED');
    expect(await statuses(w)).toEqual(['released', 'released']);
    clockAt(AFTER);
    const ok = await select(w.admin, w.demand.id, {
      applicationIds: [w.applicants[0]!.app.id],
      justification: '方案最优',
    });
    expectWith(ok.status, ok.text).toBe(201);
    expect(selectionDecisionSchema.parse(ok.body)).toMatchObject({
      outcome: 'selected',
      notSelectedCount: 1,
      fanoutPending: false,
    });
    expect(await statuses(w)).toEqual(['selected', 'not_selected']);
    expect((await repos().demands.get(w.demand.id))!.status).toBe('selected');
    // The public card follows the status.
    const card = await invoke(catalogueGetH, { params: { id: w.demand.id } });
    expect(card.body.status).toBe('selected');
    // A second decision is a conflict, and changes nothing.
    const again = await select(w.admin, w.demand.id, {
      applicationIds: [w.applicants[1]!.app.id],
      justification: '改选',
    });
    expect(again.status).toBe(409);
    expect(await statuses(w)).toEqual(['selected', 'not_selected']);
    // Scores are frozen after the decision.
    const late = await score(w.reviewers[0]!, w.applicants[0]!.app.id, [1, 1, 1, 1]);
    expect(late.status).toBe(409);
  });

  it('more than two is 422 SELECTION_LIMIT; duplicates 400; an id that is not a released application of the demand 422', async () => {
    const w = await evaluationWorld({ applicants: 3 });
    const other = await evaluationWorld({ applicants: 1 });
    const ids = w.applicants.map((a) => a.app.id);
    const three = await select(w.admin, w.demand.id, { applicationIds: ids, justification: '都很好' });
    expect(three.status).toBe(422);
    expect(three.body.error.code).toBe('SELECTION_LIMIT');
    expect(
      (await select(w.admin, w.demand.id, { applicationIds: [ids[0], ids[0]], justification: '重复' })).status,
    ).toBe(400);
    const foreign = await select(w.admin, w.demand.id, {
      applicationIds: [other.applicants[0]!.app.id],
      justification: '别的需求',
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('NOT_SELECTABLE');
    expect((await select(w.admin, w.demand.id, { applicationIds: [ids[0]] })).status).toBe(400); // justification required
    expect(await statuses(w)).toEqual(['released', 'released', 'released']);
  });

  it('security: only the issuer’s admin decides; others get 401/403/404 and nothing changes', async () => {
    const w = await evaluationWorld({ applicants: 1 });
    const other = await evaluationWorld({ applicants: 0 });
    const body = { applicationIds: [w.applicants[0]!.app.id], justification: '越权' };
    const cases: [Who, number[]][] = [
      [w.reviewers[0]!, [403]],
      [w.member, [403]],
      [other.admin, [404]],
      [w.applicants[0]!.admin, [404]],
      [await who(['province:110000'], null), [404]],
      [await who(['ministry'], null), [404]],
    ];
    for (const [p, expected] of cases) {
      const res = await select(p, w.demand.id, body);
      expectWith(expected, res.text).toContain(res.status);
      expect(res.text).not.toContain(w.applicants[0]!.org.name);
    }
    expect((await select(null, w.demand.id, body)).status).toBe(401);
    expect(await statuses(w)).toEqual(['released']);
  });
});

describe('20 concurrent selections on one demand', () => {
  it('exactly one decision, never more than two selected, every other released application not selected', async () => {
    const w = await evaluationWorld({ applicants: 5 });
    const ids = w.applicants.map((a) => a.app.id);
    const bodies = Array.from({ length: 20 }, (_, i) => ({
      applicationIds: i % 3 === 0 ? [ids[i % 5]] : [ids[i % 5], ids[(i + 1) % 5]],
      justification: `第 ${i} 份遴选意见`,
    }));
    const answers = await Promise.all(bodies.map((b) => select(w.admin, w.demand.id, b)));
    const codes = answers.map((a) => a.status);
    expectWith(
      codes.filter((c) => c === 201),
      codes.join(','),
    ).toHaveLength(1);
    expectWith(
      codes.filter((c) => c === 409),
      answers
        .filter((a) => a.status !== 201 && a.status !== 409)
        .map((a) => a.text)
        .join('|'),
    ).toHaveLength(19);
    const winner = answers.find((a) => a.status === 201)!.body as { applicationIds: string[] };
    const st = await statuses(w);
    const selected = ids.filter((_, i) => st[i] === 'selected');
    expect(selected.length).toBeLessThanOrEqual(2);
    expect(selected.sort()).toEqual([...winner.applicationIds].sort());
    expect(st.filter((s) => s === 'not_selected')).toHaveLength(5 - selected.length);
    const decisions = (await partition(evaluationKeys.partition(w.demand.id))).filter((i) => i.SK === 'DECISION');
    expect(decisions).toHaveLength(1);
    const demandAudit = (await partition(`DEMAND#${w.demand.id}`)).filter(
      (i) => String(i.SK).startsWith('AUDIT#') && i.action === 'select',
    );
    expect(demandAudit).toHaveLength(1);
  });
});

describe('流榜, notifications, feedback and anonymity', () => {
  it('an empty selection is 流榜: the demand no_selection, every application not selected, the reason recorded', async () => {
    const w = await evaluationWorld({ applicants: 2 });
    const res = await select(w.admin, w.demand.id, { applicationIds: [], justification: '均未达到技术指标要求' });
    expectWith(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ outcome: 'no_selection', lowestSelectedTotal: null, notSelectedCount: 2 });
    expect((await repos().demands.get(w.demand.id))!.status).toBe('no_selection');
    expect(await statuses(w)).toEqual(['not_selected', 'not_selected']);
    const fb = feedbackSchema.parse((await feedback(w.applicants[0]!.admin, w.applicants[0]!.app.id)).body);
    expect(fb.threshold).toEqual({ lowestSelectedTotal: null, selectedCount: 0 });
  });

  it('each applicant and the issuer are told; an anonymous issuer is never named to the SMEs', async () => {
    const w = await evaluationWorld({ applicants: 3, anonymous: true });
    const [a, b] = w.applicants;
    expect(
      (await select(w.admin, w.demand.id, { applicationIds: [a!.app.id], justification: '综合得分最高' })).status,
    ).toBe(201);
    const toA = await inboxOf(`org:${a!.org.id}`);
    const toB = await inboxOf(`org:${b!.org.id}`);
    expect(toA.map((n) => n.kind)).toContain('application_selected');
    expect(toB.map((n) => n.kind)).toContain('application_not_selected');
    expect((await inboxOf(`org:${w.issuer.id}`)).map((n) => n.kind)).toContain('selection_decided');
    for (const n of [...toA, ...toB]) {
      expect(JSON.stringify(n)).not.toContain(w.issuer.name);
      expect(JSON.stringify(n)).not.toContain(w.issuer.id);
    }
    // The application as its applicant reads it (with its timeline) does not name the anonymous issuer either.
    const own = await invoke(appGetH, { token: b!.admin.token, params: { id: b!.app.id } });
    expect(own.status).toBe(200);
    for (const secret of [w.issuer.name, w.issuer.creditCode, w.issuer.id]) expect(own.text).not.toContain(secret);
    const auditB = (await partition(`APP#${b!.app.id}`)).filter((i) => String(i.SK).startsWith('AUDIT#'));
    expect(JSON.stringify(auditB)).not.toContain(w.issuer.name);
  });

  it('a not-selected SME sees its own averages and the threshold, and nothing about any other applicant', async () => {
    const w = await evaluationWorld({ applicants: 3 });
    const [a, b, c] = w.applicants as [(typeof w.applicants)[0], (typeof w.applicants)[0], (typeof w.applicants)[0]];
    const [r1, r2] = w.reviewers as [Who, Who];
    await score(r1, a.app.id, [90, 90, 90, 90], '团队优秀');
    await score(r2, a.app.id, [80, 80, 80, 80]);
    await score(r1, b.app.id, [85, 85, 85, 85]);
    await score(r1, c.app.id, [60, 70, 50, 40], '方案细节不足，需加强');
    await score(r2, c.app.id, [70, 60, 60, 50], '匹配度一般');
    clockAt(BEFORE);
    expect((await feedback(c.admin, c.app.id)).status).toBe(409); // nothing to show before the decision
    clockAt(AFTER);
    expect(
      (
        await select(w.admin, w.demand.id, {
          applicationIds: [a.app.id, b.app.id],
          justification: `入选 ${a.org.name}`,
        })
      ).status,
    ).toBe(201);

    const res = await feedback(c.admin, c.app.id);
    expectWith(res.status, res.text).toBe(200);
    const fb = feedbackSchema.parse(res.body);
    expect(fb).toMatchObject({
      status: 'not_selected',
      reviewerCount: 2,
      averages: { team: 65, capability: 65, plan: 55, match: 45 },
      total: 57.5,
      threshold: { lowestSelectedTotal: 85, selectedCount: 2 },
    });
    expect(fb.comments).toBeUndefined(); // the issuer did not share comments
    for (const secret of [
      a.org.name,
      b.org.name,
      a.app.id,
      b.app.id,
      a.org.id,
      b.org.id,
      r1.user.id,
      r2.user.id,
      '团队优秀',
      '方案细节不足',
      w.issuer.name,
    ]) {
      expect(res.text).not.toContain(secret);
    }
    // Others may not read it: another SME, the issuer, an authority.
    for (const p of [a.admin, w.admin, await who(['ministry'], null)]) {
      expect((await feedback(p, c.app.id)).status).toBe(404);
    }
  });

  it('with shareComments the comments come along, without any reviewer identity', async () => {
    const w = await evaluationWorld({ applicants: 2 });
    const [a, b] = w.applicants as [(typeof w.applicants)[0], (typeof w.applicants)[0]];
    await score(w.reviewers[0]!, b.app.id, [50, 50, 50, 50], '建议补充中试数据');
    await score(w.reviewers[1]!, b.app.id, [55, 50, 50, 50]);
    expect(
      (
        await select(w.admin, w.demand.id, {
          applicationIds: [a.app.id],
          justification: '唯一达标',
          shareComments: true,
        })
      ).status,
    ).toBe(201);
    const res = await feedback(b.admin, b.app.id);
    expect(res.body.comments).toEqual(['建议补充中试数据']);
    expect(res.body.threshold).toEqual({ lowestSelectedTotal: null, selectedCount: 1 }); // the selected one was never scored
    expect(res.text).not.toContain(w.reviewers[0]!.user.id);
    expect(res.text).not.toContain(a.org.name);
  });

  it('the ranking shows the decision afterwards', async () => {
    const w = await evaluationWorld({ applicants: 1 });
    await select(w.admin, w.demand.id, { applicationIds: [w.applicants[0]!.app.id], justification: '达标' });
    const res = await invoke(rankingH, { token: w.reviewers[0]!.token, params: { id: w.demand.id } });
    expect(res.body.decision).toMatchObject({ outcome: 'selected', applicationIds: [w.applicants[0]!.app.id] });
    expect(res.body.items[0].status).toBe('selected');
  });
});

describe('a demand with more released applications than one transaction holds', () => {
  it('decides atomically, then fans the not-selected updates out: all 30 end up decided', async () => {
    const w = await evaluationWorld({ applicants: 30 });
    const ids = w.applicants.map((a) => a.app.id);
    const res = await select(w.admin, w.demand.id, { applicationIds: [ids[3], ids[17]], justification: '得分前二' });
    expectWith(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ notSelectedCount: 28, fanoutPending: false });
    const st = await statuses(w);
    expect(st.filter((s) => s === 'selected')).toHaveLength(2);
    expect(st.filter((s) => s === 'not_selected')).toHaveLength(28);
    const decision = (await partition(evaluationKeys.partition(w.demand.id))).find((i) => i.SK === 'DECISION')!;
    expect(decision.fanoutPending).toBe(false);
    for (const a of w.applicants) {
      const kinds = (await inboxOf(`org:${a.org.id}`)).map((n) => n.kind);
      expect(kinds).toHaveLength(1);
    }
  }, 60_000);
});

describe('the threshold with one winner (security finding 5)', () => {
  it("a losing SME reads a 5-point band, not the single winner's exact total; with two winners the lowest total stays", async () => {
    const w = await evaluationWorld({ applicants: 2 });
    const [a, b] = w.applicants as [(typeof w.applicants)[0], (typeof w.applicants)[0]];
    await score(w.reviewers[0]!, a.app.id, [88, 87, 86, 85]); // total 86.5
    await score(w.reviewers[0]!, b.app.id, [60, 60, 60, 60]);
    expect((await select(w.admin, w.demand.id, { applicationIds: [a.app.id], justification: '唯一达标' })).status).toBe(
      201,
    );
    for (const p of [b, a]) {
      const res = await feedback(p.admin, p.app.id);
      expect(res.status).toBe(200);
      const fb = feedbackSchema.parse(res.body);
      expect(fb.threshold).toEqual({ lowestSelectedTotal: null, selectedCount: 1, selectedBand: { from: 85, to: 90 } });
      if (p === b) expect(res.text).not.toContain('86.5');
    }
    expect((await feedback(a.admin, a.app.id)).body.total).toBe(86.5); // the winner still reads its own total

    const two = await evaluationWorld({ applicants: 3 });
    const [x, y, z] = two.applicants as [(typeof w.applicants)[0], (typeof w.applicants)[0], (typeof w.applicants)[0]];
    await score(two.reviewers[0]!, x.app.id, [90, 90, 90, 90]);
    await score(two.reviewers[0]!, y.app.id, [81, 81, 81, 81]);
    await score(two.reviewers[0]!, z.app.id, [50, 50, 50, 50]);
    await select(two.admin, two.demand.id, { applicationIds: [x.app.id, y.app.id], justification: '前两名' });
    expect((await feedback(z.admin, z.app.id)).body.threshold).toEqual({ lowestSelectedTotal: 81, selectedCount: 2 });
  });
});
