/**
 * 公示 (issue 17, item 2) against DynamoDB Local: the notice period in working days (weekend and a holiday of the
 * campaign's list crossed), objections on both sides of its end by the server clock, who may file, list and
 * answer them, concurrent answers (one 200, the rest 409), anonymity (the objector never reaches the issuer or the
 * public; an anonymous issuer stays anonymous), and an upheld objection reopening the selection until the issuer
 * selects again.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { objectionSchema, publicResultsSchema } from '@jiebang/shared';
import { handler as resultsH } from '../../functions/src/handlers/results-list';
import { handler as fileH } from '../../functions/src/handlers/objections-create';
import { handler as listH } from '../../functions/src/handlers/objections-list';
import { handler as decideH } from '../../functions/src/handlers/objections-decide';
import { handler as auditH } from '../../functions/src/handlers/audit-get';
import { deps, overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { keys } from '../../functions/src/store/keys';
import { expectWith } from '../support/expect-with';
import { invoke } from '../support/invoke';
import * as support from './evaluation-support';
import type { EvaluationWorld, Who } from './evaluation-support';

const { AFTER, campaignClosingAfter, clockAt, evaluationWorld, inboxOf, makeOrg, partition, repos, who } = support;

// A year of its own. Selection closes Wednesday 2027-03-31 18:00 (Beijing); 5 working days, the weekend and the
// campaign's holiday (Monday 04-05, 清明) skipped: Thu, Fri, Tue, Wed, Thu → Thursday 2027-04-08 18:00.
const YEAR = 2033;
const FROM = '2027-03-31T10:00:00.000Z';
const UNTIL = '2027-04-08T10:00:00.000Z';
const LAST_SECOND = new Date(Date.parse(UNTIL) - 1000);

let open: EvaluationWorld;
let hidden: EvaluationWorld;
let objector: Who;
let objectorName: string;
let ministry: Who;

/** A session of `w` valid at the instant the clock shows (the fixtures' tokens are issued at BEFORE). */
async function tokenAt(w: Who, t: Date): Promise<string> {
  return (await deps().tokens.issue(w.user, t)).token;
}

async function at<T>(t: Date, w: Who | undefined, call: (token: string | undefined) => Promise<T>): Promise<T> {
  clockAt(t);
  return call(w ? await tokenAt(w, t) : undefined);
}

const fileAs = (w: Who, t: Date, body: Record<string, unknown>) =>
  at(t, w, (token) => invoke(fileH, { method: 'POST', token, params: { year: String(YEAR) }, body }));
const answerAs = (w: Who, t: Date, id: string, body: Record<string, unknown>) =>
  at(t, w, (token) => invoke(decideH, { method: 'POST', token, params: { id }, body }));
const results = (t: Date) =>
  at(t, undefined, async () =>
    publicResultsSchema.parse((await invoke(resultsH, { params: { year: String(YEAR) } })).body),
  );
const stateOf = async (t: Date, demandId: string) =>
  (await results(t)).items.filter((l) => l.demandId === demandId).map((l) => l.state);

const REASON = '入选企业的申报材料与其实际研发能力不符，请核实其近三年研发投入。';

async function decide(w: EvaluationWorld, ids: string[], t = AFTER) {
  await at(t, w.admin, (token) => support.selectWinners(w, ids, { token }));
}

beforeAll(async () => {
  clockAt(AFTER);
  await campaignClosingAfter(YEAR, { holidays: ['2027-04-05'] });
  open = await evaluationWorld({ applicants: 2, campaignYear: YEAR, issuerName: '公示公开重工集团有限公司' });
  hidden = await evaluationWorld({
    applicants: 2,
    anonymous: true,
    campaignYear: YEAR,
    issuerName: '公示绝密匿名装备集团有限公司',
  });
  await decide(open, [open.applicants[0]!.app.id]);
  await decide(hidden, [hidden.applicants[0]!.app.id]);
  objectorName = '异议提出精密仪器有限公司';
  objector = await who(['org_admin'], (await makeOrg({ name: objectorName })).id);
  ministry = await who(['ministry'], null);
}, 120_000);
afterEach(() => overrideDeps({ clock: systemClock }));

describe('the notice period', () => {
  it('is on the public list: the campaign’s working days from the close of selection, each result 公示中', async () => {
    const page = await results(AFTER);
    expect(page.noticePeriod).toEqual({ from: FROM, until: UNTIL });
    const line = page.items.find((l) => l.demandId === open.demand.id)!;
    expect(line).toMatchObject({ state: 'notice', noticeUntil: UNTIL });
    expect(await stateOf(LAST_SECOND, open.demand.id)).toEqual(['notice']);
    expect(await stateOf(new Date(UNTIL), open.demand.id)).toEqual(['final']);
  });

  it('takes objections until the second before its end, none from its end on (server clock)', async () => {
    const w = await evaluationWorld({ applicants: 1, campaignYear: YEAR });
    await decide(w, [w.applicants[0]!.app.id]);
    const late = await fileAs(objector, new Date(UNTIL), { demandId: w.demand.id, text: REASON });
    expectWith(late.status, late.text).toBe(422);
    expect(late.body.error.code).toBe('NOTICE_CLOSED');
    const inTime = await fileAs(objector, LAST_SECOND, { demandId: w.demand.id, text: REASON });
    expectWith(inTime.status, inTime.text).toBe(201);
    expect(objectionSchema.parse(inTime.body)).toMatchObject({ status: 'pending', noticeUntil: UNTIL });
  });
});

describe('objections', () => {
  it('who may file: a registered enterprise other than the issuer, on a result in the list', async () => {
    const body = { demandId: open.demand.id, text: REASON };
    expect(
      (await at(AFTER, undefined, () => invoke(fileH, { method: 'POST', params: { year: String(YEAR) }, body })))
        .status,
    ).toBe(401);
    expect((await fileAs(await who([], null), AFTER, body)).status).toBe(403);
    expect((await fileAs(open.admin, AFTER, body)).status).toBe(403);
    expect((await fileAs(ministry, AFTER, body)).status).toBe(403);
    expect((await fileAs(objector, AFTER, { ...body, demandId: 'NO_SUCH_DEMAND' })).status).toBe(404);
    const short = await fileAs(objector, AFTER, { ...body, text: '不服' });
    expect(short.status).toBe(400);
    const foreign = await fileAs(objector, AFTER, {
      ...body,
      attachments: [{ key: `org/${open.issuer.id}/01J00000000000000000000000.pdf`, name: '证明材料.pdf' }],
    });
    expect(foreign.status).toBe(400);
  });

  it('never names the objector to the issuer or the public; the anonymous issuer stays anonymous', async () => {
    const filed = await fileAs(objector, AFTER, { demandId: hidden.demand.id, text: REASON });
    expectWith(filed.status, filed.text).toBe(201);
    expect(filed.text).not.toContain('公示绝密匿名装备集团');
    expect(filed.text).not.toContain(hidden.issuer.id);
    expect(await stateOf(AFTER, hidden.demand.id)).toEqual(['objected']);

    const publicText = JSON.stringify(await results(AFTER));
    const issuerInbox = JSON.stringify(await inboxOf(`org:${hidden.issuer.id}`));
    expect(issuerInbox).toContain('收到一项异议');
    const issuerTrail = await at(AFTER, hidden.admin, (token) =>
      invoke(auditH, { token, params: { type: 'demand', id: hidden.demand.id } }),
    );
    expect(issuerTrail.status).toBe(200);
    const issuerList = await at(AFTER, hidden.admin, (token) => invoke(listH, { token }));
    expect(issuerList.body.items).toEqual([]);
    for (const seen of [publicText, issuerInbox, issuerTrail.text, issuerList.text]) {
      expect(seen).not.toContain(objectorName);
      expect(seen).not.toContain(objector.user.orgId!);
      expect(seen).not.toContain(objector.user.id);
      expect(seen).not.toContain('近三年研发投入');
    }
    for (const seen of [publicText, JSON.stringify(await inboxOf(`org:${objector.user.orgId}`))])
      expect(seen).not.toContain('公示绝密匿名装备集团');

    // The ministry sees who objected; the objector its own; another enterprise nothing.
    const all = await at(AFTER, ministry, (token) => invoke(listH, { token }));
    const mine = all.body.items.find((o: { id: string }) => o.id === filed.body.id);
    expect(mine).toMatchObject({ objectorName, status: 'pending' });
    const own = await at(AFTER, objector, (token) => invoke(listH, { token }));
    expect(own.body.items.map((o: { id: string }) => o.id)).toContain(filed.body.id);
    const other = await at(AFTER, open.applicants[1]!.admin, (token) => invoke(listH, { token }));
    expect(other.body.items).toEqual([]);
    expect((await at(AFTER, await who([], null), (token) => invoke(listH, { token }))).status).toBe(403);

    // Dismissed: the result stands; final once its period passed.
    const dismissed = await answerAs(ministry, AFTER, filed.body.id, {
      decision: 'dismissed',
      reply: '经核实，入选企业材料属实，异议不成立。',
    });
    expectWith(dismissed.status, dismissed.text).toBe(200);
    expect(await stateOf(AFTER, hidden.demand.id)).toEqual(['notice']);
    expect(await stateOf(new Date(UNTIL), hidden.demand.id)).toEqual(['final']);
    const answered = JSON.stringify(await inboxOf(`org:${objector.user.orgId}`));
    expect(answered).toContain('异议不成立');
    expect(answered).not.toContain('公示绝密匿名装备集团');
    expect(JSON.stringify(await inboxOf(`org:${hidden.issuer.id}`))).not.toContain(objectorName);
  });

  it('only the ministry answers, once: of concurrent answers one is 200 and the others 409', async () => {
    const filed = await fileAs(objector, AFTER, { demandId: open.demand.id, text: REASON });
    expectWith(filed.status, filed.text).toBe(201);
    const id = filed.body.id as string;
    const reply = { decision: 'dismissed', reply: '异议不成立，维持原结果。' };
    for (const w of [objector, open.admin, await who(['province:110000'], null), await who(['admin'], null)])
      expect((await answerAs(w, AFTER, id, reply)).status).toBe(403);
    expect((await answerAs(ministry, AFTER, 'NO_SUCH_OBJECTION', reply)).status).toBe(404);
    clockAt(AFTER);
    const token = await tokenAt(ministry, AFTER);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        invoke(decideH, {
          method: 'POST',
          token,
          params: { id },
          body: i % 2 ? reply : { decision: 'upheld', reply: '异议成立。' },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'ALREADY_ANSWERED')).toBe(true);
    const winner = answers.find((a) => a.status === 200)!;
    const lines = await repos().evaluation.demandLines(YEAR, open.demand.id);
    expect(lines.every((l) => !(l as { pendingObjections?: number }).pendingObjections)).toBe(true);
    const trail = (await partition(`OBJECTION#${id}`)).filter((i) => String(i.SK).startsWith('AUDIT#'));
    expect(trail.map((e) => e.action)).toEqual(['file', winner.body.status]);
  }, 60_000);

  it('an upheld objection reopens the selection: 重新遴选 until the issuer selects again, then a period of its own', async () => {
    const w = await evaluationWorld({ applicants: 2, campaignYear: YEAR });
    await decide(w, [w.applicants[0]!.app.id]);
    const filed = await fileAs(objector, AFTER, { demandId: w.demand.id, text: REASON });
    expectWith(filed.status, filed.text).toBe(201);
    const upheld = await answerAs(ministry, AFTER, filed.body.id, {
      decision: 'upheld',
      reply: '经核实，入选企业不符合申报条件，异议成立，请发榜企业重新遴选。',
    });
    expectWith(upheld.status, upheld.text).toBe(200);
    expect(await stateOf(AFTER, w.demand.id)).toEqual(['reselecting']);
    const demand = await repos().demands.get(w.demand.id);
    expect(demand).toMatchObject({ status: 'evaluating' });
    expect(demand!.decidedAt).toBeUndefined();
    for (const a of w.applicants) expect((await repos().applications.get(a.app.id))?.status).toBe('released');
    expect((await partition(`DEMAND#${w.demand.id}#EVAL`)).some((i) => i.SK === 'DECISION')).toBe(false);
    // Notified: the issuer (to select again) and both applicants; nobody is told who objected.
    expect(JSON.stringify(await inboxOf(`org:${w.issuer.id}`))).toContain('请重新遴选');
    for (const a of w.applicants) {
      const inbox = JSON.stringify(await inboxOf(`org:${a.org.id}`));
      expect(inbox).toContain('重新遴选');
      expect(inbox).not.toContain(objectorName);
    }
    const trail = (await partition(keys.demand(w.demand.id).PK)).filter((i) => String(i.SK).startsWith('AUDIT#'));
    expect(trail.map((e) => e.action)).toContain('reopen_selection');
    expect(JSON.stringify(trail)).not.toContain(objectorName);
    // A second filing on a reopened result is refused; the issuer selects again, two days later.
    expect((await fileAs(objector, AFTER, { demandId: w.demand.id, text: REASON })).body.error.code).toBe(
      'RESULT_REOPENED',
    );
    const later = new Date('2027-04-02T02:00:00.000Z'); // Friday 10:00 Beijing
    await decide(w, [w.applicants[1]!.app.id], later);
    const page = await results(later);
    const lines = page.items.filter((l) => l.demandId === w.demand.id);
    expect(lines.map((l) => [l.orgName, l.state])).toEqual([[w.applicants[1]!.org.name, 'notice']]);
    // Its own period: Friday 10:00 + 5 working days (weekend and the holiday skipped) → Monday 04-12 10:00.
    expect(lines[0]!.noticeUntil).toBe('2027-04-12T02:00:00.000Z');
  }, 60_000);
});
