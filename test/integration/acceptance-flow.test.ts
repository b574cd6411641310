import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { acceptanceResultSchema, applicationSchema, demandDetailSchema } from '@jiebang/shared';
import { handler as cooperationH } from '../../functions/src/handlers/selection-cooperation';
import { handler as acceptH } from '../../functions/src/handlers/acceptance-create';
import { handler as feedbackH } from '../../functions/src/handlers/scores-feedback';
import { handler as appGetH } from '../../functions/src/handlers/applications-get';
import { handler as demandGetH } from '../../functions/src/handlers/demands-get';
import { invoke } from '../support/invoke';
import {
  AFTER,
  clockEachTestAt,
  evaluationWorld,
  inboxOf,
  repos,
  who,
  type EvaluationWorld,
  type Who,
  selectWinners,
} from './evaluation-support';

clockEachTestAt();

const accept = (
  p: Who | null,
  id: string,
  body: unknown = { result: 'passed', supplierCatalogue: true, comment: '各项指标达到要求' },
) => invoke(acceptH, { method: 'POST', token: p?.token, params: { id }, body });
const cooperate = (p: Who, id: string) =>
  invoke(cooperationH, { method: 'POST', token: p.token, params: { id }, body: { note: '合同已签订' } });

async function decided(n: number, pick: number[]): Promise<EvaluationWorld> {
  const w = await evaluationWorld({ applicants: n });
  await selectWinners(
    w,
    pick.map((i) => w.applicants[i]!.app.id),
  );
  return w;
}
const demandStatus = async (w: EvaluationWorld) => (await repos().demands.get(w.demand.id))!.status;

describe('cooperation and acceptance', () => {
  it('selected → in_cooperation (explicit) → one acceptance per selected applicant → completed after the last', async () => {
    const w = await decided(3, [0, 1]);
    const [a, b, c] = w.applicants as [(typeof w.applicants)[0], (typeof w.applicants)[0], (typeof w.applicants)[0]];
    expect((await cooperate(w.reviewers[0]!, w.demand.id)).status).toBe(403);
    const coop = await cooperate(w.admin, w.demand.id);
    expectWith(coop.status, coop.text).toBe(200);
    expect(await demandStatus(w)).toBe('in_cooperation');
    expect((await cooperate(w.admin, w.demand.id)).status).toBe(409);

    const first = await accept(w.admin, a.app.id);
    expectWith(first.status, first.text).toBe(201);
    expect(acceptanceResultSchema.parse(first.body)).toMatchObject({
      status: 'accepted',
      demandStatus: 'in_cooperation',
      acceptancePending: 1,
    });
    expect(await demandStatus(w)).toBe('in_cooperation');
    expect((await accept(w.admin, a.app.id)).status).toBe(409); // recorded once
    expect((await accept(w.admin, c.app.id)).status).toBe(409); // not selected

    const second = await accept(w.admin, b.app.id, {
      result: 'failed',
      supplierCatalogue: false,
      comment: '关键指标未达到',
    });
    expect(second.body).toMatchObject({ status: 'acceptance_failed', demandStatus: 'completed', acceptancePending: 0 });
    expect(await demandStatus(w)).toBe('completed');
    expect((await repos().applications.get(b.app.id))!.status).toBe('acceptance_failed');
    expect((await inboxOf(`org:${a.org.id}`)).map((n) => n.kind)).toContain('acceptance_recorded');

    const fb = await invoke(feedbackH, { token: a.admin.token, params: { id: a.app.id } });
    expect(fb.body.acceptance).toMatchObject({ result: 'passed', supplierCatalogue: true });
    // The applicant reads its application with the acceptance, but not who at the issuer recorded it.
    const own = await invoke(appGetH, { token: a.admin.token, params: { id: a.app.id } });
    expect(own.body.acceptance).toMatchObject({ result: 'passed', comment: '各项指标达到要求' });
    expect(own.text).not.toContain(w.admin.user.id);
    // Decided and accepted objects still match the shared schemas the clients parse their bodies with.
    expect(applicationSchema.parse(own.body)).toMatchObject({ status: 'accepted', decidedAt: AFTER.toISOString() });
    const demand = await invoke(demandGetH, { token: w.admin.token, params: { id: w.demand.id } });
    expect(demandDetailSchema.parse(demand.body)).toMatchObject({ status: 'completed', acceptancePending: 0 });
  });

  it('a single selected applicant: acceptance straight from selected completes the demand', async () => {
    const w = await decided(2, [1]);
    const res = await accept(w.admin, w.applicants[1]!.app.id);
    expect(res.body).toMatchObject({ demandStatus: 'completed', acceptancePending: 0 });
  });

  it('two acceptances at the same instant: both recorded, the counter reaches zero exactly once', async () => {
    const w = await decided(2, [0, 1]);
    const answers = await Promise.all(w.applicants.map((a) => accept(w.admin, a.app.id)));
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers.map((a) => a.body.acceptancePending).sort()).toEqual([0, 1]);
    expect(await demandStatus(w)).toBe('completed');
    const d = (await repos().demands.get(w.demand.id)) as unknown as { acceptancePending: number };
    expect(d.acceptancePending).toBe(0);
  });

  it('validation and security: bad bodies 400, the applicant 403, members 403, strangers 404, anonymous 401', async () => {
    const w = await decided(1, [0]);
    const id = w.applicants[0]!.app.id;
    for (const body of [
      { result: 'ok', supplierCatalogue: true, comment: 'x' },
      { result: 'passed', comment: 'x' },
      { result: 'passed', supplierCatalogue: true, comment: '' },
      { result: 'passed', supplierCatalogue: true, comment: 'x', extra: 1 },
    ]) {
      expectWith((await accept(w.admin, id, body)).status, JSON.stringify(body)).toBe(400);
    }
    const foreignReport = {
      result: 'passed',
      supplierCatalogue: true,
      comment: '通过',
      report: { key: `org/${'0'.repeat(26)}/${'1'.repeat(26)}.pdf`, name: '报告.pdf' },
    };
    expect((await accept(w.admin, id, foreignReport)).status).toBe(400);
    const other = await evaluationWorld({ applicants: 0 });
    const cases: [Who, number][] = [
      [w.applicants[0]!.admin, 403],
      [w.reviewers[0]!, 403],
      [w.member, 403],
      [other.admin, 404],
      [await who(['province:110000'], null), 404],
      [await who(['ministry'], null), 404],
    ];
    for (const [p, code] of cases) expect((await accept(p, id)).status).toBe(code);
    expect((await accept(null, id)).status).toBe(401);
    expect((await repos().applications.get(id))!.status).toBe('selected');
  });
});

describe('anonymity toward the applicants (security finding 1)', () => {
  it('an anonymous issuer: no application view, feedback or notification of its applicants carries its name, credit code or org id', async () => {
    const w = await evaluationWorld({ applicants: 2, anonymous: true });
    const [winner, loser] = w.applicants as [(typeof w.applicants)[0], (typeof w.applicants)[0]];
    await selectWinners(w, [winner.app.id], { shareComments: true });
    const report = { key: `org/${w.issuer.id}/${'7'.repeat(26)}.pdf`, name: '验收报告.pdf' };
    const recorded = await accept(w.admin, winner.app.id, {
      result: 'passed',
      supplierCatalogue: true,
      comment: '各项指标达到要求',
      report,
    });
    expect(recorded.status).toBe(201);

    const bodies: string[] = [];
    for (const a of [winner, loser]) {
      const view = await invoke(appGetH, { token: a.admin.token, params: { id: a.app.id } });
      expect(view.status).toBe(200);
      expect(applicationSchema.parse(view.body).id).toBe(a.app.id);
      const fb = await invoke(feedbackH, { token: a.admin.token, params: { id: a.app.id } });
      expect(fb.status).toBe(200);
      bodies.push(view.text, fb.text, JSON.stringify(await inboxOf(`org:${a.org.id}`)));
    }
    // The winner still reads its acceptance and the report's name, only not the storage key that names the issuer.
    const own = await invoke(appGetH, { token: winner.admin.token, params: { id: winner.app.id } });
    expect(own.body.acceptance).toMatchObject({ result: 'passed', report: { name: '验收报告.pdf' } });
    for (const body of bodies)
      for (const secret of [w.issuer.name, w.issuer.creditCode, w.issuer.id]) expect(body).not.toContain(secret);
    // The issuer itself still reads the key of its own upload.
    const issuerView = await invoke(appGetH, { token: w.admin.token, params: { id: winner.app.id } });
    expect(issuerView.body.acceptance.report).toEqual(report);
  });
});
