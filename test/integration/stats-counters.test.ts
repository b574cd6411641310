/**
 * Statistics counters: moved in the transaction of each change (demands, applications, selections, 流榜,
 * acceptances), recomputed by the rebuild without drift — also after many concurrent changes, refusals and
 * retries — and read by a dashboard in one Query.
 */
import { describe, expect, it } from '@jest/globals';
import { statsOverviewSchema, type StatsOverview } from '@jiebang/shared';
import { handler as selectH } from '../../functions/src/handlers/selection-create';
import { handler as cooperationH } from '../../functions/src/handlers/selection-cooperation';
import { handler as acceptH } from '../../functions/src/handlers/acceptance-create';
import { handler as overviewH } from '../../functions/src/handlers/stats-overview';
import { deps } from '../../functions/src/deps';
import { rebuildCounters } from '../../functions/src/store/counters-rebuild';
import { monthOf } from '../../functions/src/domain/stats';
import { expectWith } from '../support/expect-with';
import { invoke } from '../support/invoke';
import { commandsOf } from '../support/store-spy';
import { clockEachTestAt, evaluationWorld, who, type EvaluationWorld, type Who } from './evaluation-support';
import { handler as cancelH } from '../../functions/src/handlers/events-cancel';
import { handler as meetDecideH } from '../../functions/src/handlers/event-meetings-decide';
import { handler as confirmH } from '../../functions/src/handlers/event-outcomes-confirm';
import { session } from './applications-support';
import {
  approvedRegistrant,
  clockAt as eventsClockAt,
  clockEachTestAt as eventsClock,
  decide,
  DURING,
  organiser,
  publishedEvent,
  recordedOutcome,
  register,
  requestedMeeting,
  sme,
  T0,
  tokenAt,
} from './events-support';

clockEachTestAt();

const select = (w: EvaluationWorld, pick: number[]) =>
  invoke(selectH, {
    method: 'POST',
    token: w.admin.token,
    params: { id: w.demand.id },
    body: {
      applicationIds: pick.map((i) => w.applicants[i]!.app.id),
      justification: pick.length ? '综合评分靠前' : '申报方案均未达到要求',
    },
  });
const accept = (w: EvaluationWorld, i: number, passed: boolean) =>
  invoke(acceptH, {
    method: 'POST',
    token: w.admin.token,
    params: { id: w.applicants[i]!.app.id },
    body: passed
      ? { result: 'passed', supplierCatalogue: true, comment: '各项指标达到要求' }
      : { result: 'failed', supplierCatalogue: false, comment: '关键指标未达到' },
  });
const overview = async (p: Who, query: Record<string, string>) => {
  const res = await invoke<StatsOverview>(overviewH, { token: p.token, query });
  return res;
};

/** A tiny seeded random source: the same interleaving of choices on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

describe('statistics counters', () => {
  it('move with every change; the rebuild agrees; a dashboard is one Query for the ministry and for a province', async () => {
    const w = await evaluationWorld({ applicants: 3 });
    expectWith((await select(w, [0, 1])).status, 'select').toBe(201);
    expect((await accept(w, 0, true)).status).toBe(201);
    expect((await accept(w, 1, false)).status).toBe(201);

    const report = await rebuildCounters(deps().store);
    expect(report.drift).toEqual([]);
    expect(report.counterItems).toBeGreaterThan(0);

    const ministry = await who(['ministry'], null);
    const { result: nat, commands: natCommands } = await commandsOf(() => overview(ministry, { year: '2027' }));
    expectWith(nat.status, nat.text).toBe(200);
    const o = statsOverviewSchema.parse(nat.body);
    expect(natCommands.length).toBeLessThanOrEqual(3);
    expect(natCommands).toEqual(['QueryCommand']);
    // The fixtures' applicants are 深圳 SMEs (authority 440300), applying in March 2027.
    expect(o.totals).toMatchObject({ applications: 3, selected: 2, accepted: 1, supplier: 1, no_selection: 0 });
    const march = o.monthly[2]!;
    expect(march).toMatchObject({ month: '2027-03', applications: 3, selected: 2, accepted: 1 });
    expect(o.byRegion.find((r) => r.region === '440300')).toMatchObject({ name: '深圳市', applications: 3 });

    // The demand counts in its campaign year (2026), in its issuer's authority region, now completed.
    const y2026 = statsOverviewSchema.parse((await overview(ministry, { year: '2026' })).body);
    expect(y2026.demandsByStatus).toEqual([{ status: 'completed', count: 1 }]);
    expect(y2026.byRegion).toEqual([
      expect.objectContaining({ region: '110000', demands: 1, submitted: 1, published: 1 }),
    ]);

    const beijing = await who(['province:110000'], null);
    const { result: own, commands: provinceCommands } = await commandsOf(() => overview(beijing, { year: '2026' }));
    expectWith(own.status, own.text).toBe(200);
    expect(provinceCommands).toEqual(['QueryCommand']);
    expect(own.body).toMatchObject({ region: '110000', demandsByStatus: [{ status: 'completed', count: 1 }] });
    const shenzhen = await who(['province:440300'], null);
    const sz = statsOverviewSchema.parse((await overview(shenzhen, { year: '2026' })).body);
    expect(sz.demandsByStatus).toEqual([]);
  });

  it('a province sees only its own region; enterprises and anonymous callers see nothing', async () => {
    const beijing = await who(['province:110000'], null);
    expect((await overview(beijing, { region: '440300' })).status).toBe(403);
    expect((await overview(beijing, { region: '110000' })).status).toBe(200);
    const sme = await who(['org_admin'], null);
    expect((await overview(sme, {})).status).toBe(403);
    expect((await invoke(overviewH, { query: {} })).status).toBe(401);
    const ministry = await who(['ministry'], null);
    expect((await overview(ministry, { region: '440300' })).body).toMatchObject({ region: '440300' });
    expect((await overview(ministry, { year: 'x' })).status).toBe(400);
  });

  it('≈ 180 concurrent changes, refused ones and retried ones included, leave no drift', async () => {
    const rnd = random(14);
    // 8 demands, 3 released applications each: 8 × 7 writes, all at once.
    const worlds = await Promise.all(Array.from({ length: 8 }, () => evaluationWorld({ applicants: 3 })));
    // 4 competing decisions per demand, 流榜 among them: one wins each, the others are refused (409).
    const picks = worlds.map(() =>
      Array.from({ length: 4 }, () => {
        const r = rnd();
        return r < 0.2 ? [] : r < 0.6 ? [0] : r < 0.8 ? [1, 2] : [0, 2];
      }),
    );
    const decisions = await Promise.all(worlds.flatMap((w, i) => picks[i]!.map((p) => select(w, p))));
    expect(decisions.filter((r) => r.status === 201)).toHaveLength(worlds.length);
    expect(decisions.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    // Cooperation twice and every acceptance three times, all at once: each recorded once, the rest refused.
    const later = await Promise.all(
      worlds.flatMap((w) => [
        invoke(cooperationH, {
          method: 'POST',
          token: w.admin.token,
          params: { id: w.demand.id },
          body: { note: '合同已签订' },
        }),
        invoke(cooperationH, {
          method: 'POST',
          token: w.admin.token,
          params: { id: w.demand.id },
          body: { note: '合同已签订' },
        }),
        ...[0, 1, 2].flatMap((i) => [accept(w, i, rnd() < 0.7), accept(w, i, true), accept(w, i, false)]),
      ]),
    );
    expect(later.every((r) => [200, 201, 409, 422].includes(r.status))).toBe(true);
    expect(later.filter((r) => r.status === 201).length).toBeGreaterThan(0);

    const report = await rebuildCounters(deps().store);
    expect(report.drift).toEqual([]);
    const ministry = await who(['ministry'], null);
    const o = statsOverviewSchema.parse((await overview(ministry, { year: '2027' })).body);
    const won = decisions.filter((r) => r.status === 201).map((r) => r.body as { applicationIds: string[] });
    // The first test's two selections and one acceptance are in the same table (other months: none).
    expect(o.totals.no_selection).toBe(won.filter((b) => b.applicationIds.length === 0).length);
    expect(o.totals.selected - 2).toBe(won.reduce((n, b) => n + b.applicationIds.length, 0));
    const passed = later.filter((r) => r.status === 201 && (r.body as { status: string }).status === 'accepted');
    expect(o.totals.accepted - 1).toBe(passed.length);
    expect(o.totals.supplier - 1).toBe(passed.length);

    // A counter item tampered with is reported, and the fix restores it.
    await deps().store.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).UpdateCommand({
        TableName: deps().store.table,
        Key: { PK: 'STATS#2027', SK: 'R#440300#S0' },
        UpdateExpression: 'ADD #c :n',
        ExpressionAttributeNames: { '#c': 'm|2027-03|applications' },
        ExpressionAttributeValues: { ':n': 5 },
      }),
    );
    const drifted = await rebuildCounters(deps().store, { fix: true });
    expect(drifted.drift).toEqual([
      expect.objectContaining({ region: '440300', shard: 0, name: 'm|2027-03|applications' }),
    ]);
    expect(drifted.drift[0]!.stored - drifted.drift[0]!.expected).toBe(5);
    expect((await rebuildCounters(deps().store)).drift).toEqual([]);
  }, 240_000);
});

// events (百场万企): the counters of events, registrants, meetings and outcomes, moved under concurrency.
describe('statistics counters: events', () => {
  eventsClock(T0);

  it('parallel approvals, accepts, confirmations and a cancellation count each once; the rebuild finds no drift', async () => {
    const org = await organiser();
    const ev = await publishedEvent(org, { capacity: 12 });
    const cancelled = await publishedEvent(org, { title: '“百场万企”取消测试专场' });
    const host = await approvedRegistrant(ev.id, org, 'host');
    const smes = [];
    for (let i = 0; i < 20; i++) smes.push(await sme({ name: `统计并发企业${i}有限公司` }));
    const regs = await Promise.all(
      smes.map((s) => register(ev.id, s.admin.token, { role: 'participant', offers: '精密零部件加工' })),
    );
    // 20 approvals into 11 seats, and the second event cancelled twice at once, all together.
    const [decisions, cancels] = await Promise.all([
      Promise.all(regs.map((r) => decide(ev.id, r.body.id, org.token))),
      Promise.all(
        [1, 2].map(() =>
          invoke(cancelH, {
            method: 'POST',
            token: org.token,
            params: { id: cancelled.id },
            body: { reason: '场地调整' },
          }),
        ),
      ),
    ]);
    expect(decisions.filter((d) => d.status === 200)).toHaveLength(11);
    expect(cancels.map((c) => c.status).sort()).toEqual([200, 409]);
    const approved = smes.filter((_, i) => decisions[i]!.status === 200);

    // Five ask the host for the first slot, two for the second and third; all seven accepts at once: three win.
    const slotMs = ev.slotMinutes * 60_000;
    const slotOf = (i: number) => new Date(Date.parse(ev.startsAt) + Math.max(0, i - 4) * slotMs).toISOString();
    const requests = await Promise.all(
      approved.slice(0, 7).map((s, i) => requestedMeeting(ev.id, s.admin.token, host.regId, slotOf(i))),
    );
    const accepts = await Promise.all(
      requests.map((id) =>
        invoke(meetDecideH, {
          method: 'POST',
          token: host.admin.token,
          params: { id },
          body: { decision: 'accept' },
        }),
      ),
    );
    expect(accepts.filter((a) => a.status === 200)).toHaveLength(3);

    // During the event: two contracts (12.5 and 0.1 万元) and an intention, each confirmed three times at once.
    eventsClockAt(DURING);
    const hostLater = await tokenAt(host.admin, DURING);
    const outcomes = [];
    for (const [i, body] of [
      { kind: 'contract', amount: 12.5 },
      { kind: 'contract', amount: 0.1 },
      { kind: 'intention' },
    ].entries()) {
      outcomes.push(await recordedOutcome(ev.id, await tokenAt(approved[i]!.admin, DURING), host.regId, body));
    }
    const confirms = await Promise.all(
      outcomes.flatMap((id) =>
        [1, 2, 3].map(() => invoke(confirmH, { method: 'POST', token: hostLater, params: { id } })),
      ),
    );
    expect(confirms.filter((c) => c.status === 200)).toHaveLength(3);

    expect((await rebuildCounters(deps().store)).drift).toEqual([]);
    const ministry = await tokenAt(await session(['ministry']), DURING);
    // Counted in the event's month (Beijing), the outcomes an hour after its start.
    const year = monthOf(ev.startsAt).slice(0, 4);
    const res = await invoke<StatsOverview>(overviewH, { token: ministry, query: { region: '440000', year } });
    expectWith(res.status, res.text).toBe(200);
    const o = statsOverviewSchema.parse(res.body);
    expect(o.totals).toMatchObject({ events: 1, registrants: 12, meetings: 3, outcomes: 3, amount: 12.6 });
  }, 240_000);

  it('a cancelled event counts for nothing: its registrants, meetings and outcomes come off, also when the cancel races approvals, accepts and confirmations', async () => {
    const org = await organiser();
    const ev = await publishedEvent(org, { title: '“百场万企”取消统计专场', capacity: 30 });
    const year = monthOf(ev.startsAt).slice(0, 4);
    const ministry = await session(['ministry']);
    const totals = async (when: Date) => {
      const res = await invoke<StatsOverview>(overviewH, {
        token: await tokenAt(ministry, when),
        query: { region: '440000', year },
      });
      expectWith(res.status, res.text).toBe(200);
      return statsOverviewSchema.parse(res.body).totals;
    };
    // What the region counted without this event's registrants, meetings and outcomes (its own +1 is taken off).
    const before = await totals(T0);
    const host = await approvedRegistrant(ev.id, org, 'host');
    const smes = [];
    for (let i = 0; i < 8; i++) smes.push(await sme({ name: `取消统计企业${i}有限公司` }));
    const regs = await Promise.all(
      smes.map((s) => register(ev.id, s.admin.token, { role: 'participant', offers: '精密零部件加工' })),
    );
    for (const r of regs.slice(0, 4)) expect((await decide(ev.id, r.body.id, org.token)).status).toBe(200);
    const slot = (i: number) => new Date(Date.parse(ev.startsAt) + i * ev.slotMinutes * 60_000).toISOString();
    const meetings = [];
    for (let i = 0; i < 3; i++) {
      meetings.push(await requestedMeeting(ev.id, smes[i]!.admin.token, host.regId, slot(i)));
    }
    const acceptMeeting = (id: string, token: string) =>
      invoke(meetDecideH, { method: 'POST', token, params: { id }, body: { decision: 'accept' } });
    for (const id of meetings.slice(0, 2)) expect((await acceptMeeting(id, host.admin.token)).status).toBe(200);

    // During the event: a contract of 5 万元 confirmed; an intention recorded, its confirmation in the race.
    eventsClockAt(DURING);
    const hostLater = await tokenAt(host.admin, DURING);
    const outcomes = [];
    for (const [i, body] of [{ kind: 'contract', amount: 5 }, { kind: 'intention' }].entries()) {
      outcomes.push(await recordedOutcome(ev.id, await tokenAt(smes[i]!.admin, DURING), host.regId, body));
    }
    expect((await invoke(confirmH, { method: 'POST', token: hostLater, params: { id: outcomes[0]! } })).status).toBe(
      200,
    );
    const counting = await totals(DURING);
    expect(counting.registrants - before.registrants).toBe(5);
    expect(counting.meetings - before.meetings).toBe(2);
    expect(counting.outcomes - before.outcomes).toBe(1);

    // All at once: four approvals, the third meeting's accept, the intention's confirmation, and the cancel.
    const orgLater = await tokenAt(org, DURING);
    const [raced, cancel] = await Promise.all([
      Promise.all([
        ...regs.slice(4).map((r) => decide(ev.id, r.body.id, orgLater)),
        acceptMeeting(meetings[2]!, hostLater),
        invoke(confirmH, { method: 'POST', token: hostLater, params: { id: outcomes[1]! } }),
      ]),
      invoke(cancelH, { method: 'POST', token: orgLater, params: { id: ev.id }, body: { reason: '场地调整' } }),
    ]);
    expectWith(cancel.status, cancel.text).toBe(200);
    // Each racer either landed before the cancel (and was taken off with it) or was refused after it.
    for (const r of raced) expect([200, 409, 422]).toContain(r.status);
    expect(raced.filter((r) => r.status !== 200 && !/EVENT_NOT_OPEN|活动/.test(r.text)).map((r) => r.text)).toEqual([]);

    expect((await rebuildCounters(deps().store)).drift).toEqual([]);
    const after = await totals(DURING);
    for (const k of ['events', 'registrants', 'meetings', 'outcomes', 'amount'] as const)
      expect([k, after[k]]).toEqual([k, k === 'events' ? before[k] - 1 : before[k]]);

    // Nothing counts for it any more: an approval, an accept and a confirmation are refused.
    const late = await invoke(confirmH, { method: 'POST', token: hostLater, params: { id: outcomes[1]! } });
    expect([409]).toContain(late.status);
  }, 240_000);
});
