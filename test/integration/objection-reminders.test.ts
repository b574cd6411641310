/**
 * 公示 (issue 17): the ministry is reminded once when a result's notice period ends with objections unanswered —
 * not before the end, not again on a later run, once when several runs go at the same time, and not for a
 * period whose objections were all answered.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { handler as fileH } from '../../functions/src/handlers/objections-create';
import { handler as decideH } from '../../functions/src/handlers/objections-decide';
import { runObjectionRemindersNow } from '../../functions/src/scheduler';
import { templateKeyOf } from '../../functions/src/notifications/templates';
import { inboxOf } from '../support/inspect';
import { invoke } from '../support/invoke';
import { expectWith } from '../support/expect-with';
import {
  AFTER,
  campaignClosingAfter,
  clockAt,
  clockEachTestAt,
  makeOrg,
  selectedWorld,
  who,
  type EvaluationWorld,
} from './evaluation-support';

clockEachTestAt();

const YEAR = 2038;
let pending: EvaluationWorld;
let answered: EvaluationWorld;
let until: string;

/** The ministry's reminders about one demand. */
async function reminders(demandId: string) {
  return (await inboxOf('ministry')).filter((n) => n.kind === 'objections_unanswered' && n.objectId === demandId);
}

beforeAll(async () => {
  clockAt(AFTER);
  await campaignClosingAfter(YEAR);
  const objector = await who(['org_admin'], (await makeOrg({ name: '提醒测试异议科技有限公司' })).id);
  const ministry = await who(['ministry'], null);
  const world = async () => {
    const w = await selectedWorld({ campaignYear: YEAR });
    const ids: string[] = [];
    for (const text of ['入选企业的专利与申请书所列不一致，请核实。', '入选企业的研发人员数量与实际不符，请核实。']) {
      const filed = await invoke(fileH, {
        method: 'POST',
        token: objector.token,
        params: { year: String(YEAR) },
        body: { demandId: w.demand.id, text },
      });
      expectWith(filed.status, filed.text).toBe(201);
      until = filed.body.noticeUntil;
      ids.push(filed.body.id);
    }
    return { w, ids };
  };
  pending = (await world()).w;
  const done = await world();
  answered = done.w;
  for (const id of done.ids) {
    const res = await invoke(decideH, {
      method: 'POST',
      token: ministry.token,
      params: { id },
      body: { decision: 'dismissed', reply: '经核实，异议不成立。' },
    });
    expectWith(res.status, res.text).toBe(200);
  }
}, 120_000);

describe('objections unanswered after the notice period', () => {
  it('reminds the ministry once per period: not before its end, once under parallel and repeated runs', async () => {
    const end = Date.parse(until);
    await runObjectionRemindersNow(new Date(end - 1000));
    expect(await reminders(pending.demand.id)).toHaveLength(0);

    const runs = await Promise.all([1, 2, 3, 4, 5].map(() => runObjectionRemindersNow(new Date(end))));
    const got = await reminders(pending.demand.id);
    expect(got).toHaveLength(1);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(1);
    expect(got[0]).toMatchObject({ to: 'ministry', objectType: 'demand' });
    expect(String(got[0]!.title)).toContain('2 项异议待答复');
    expect(String(got[0]!.body)).toContain(pending.demand.title);
    expect(String(got[0]!.body)).not.toContain('提醒测试异议科技'); // never the objector, even to the ministry's inbox
    // A review_todo subscribe message for the ministry's members who consented.
    expect(templateKeyOf({ kind: 'objections_unanswered', to: 'ministry' })).toBe('review_todo');

    await runObjectionRemindersNow(new Date(end + 3 * 86_400_000));
    expect(await reminders(pending.demand.id)).toHaveLength(1);
  });

  it('a period whose objections were all answered is not reminded', async () => {
    await runObjectionRemindersNow(new Date(Date.parse(until) + 60_000));
    expect(await reminders(answered.demand.id)).toHaveLength(0);
  });
});
