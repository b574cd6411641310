import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { rankingSchema, releasedApplicationsSchema, scoreSetSchema } from '@jiebang/shared';
import { handler as listH } from '../../functions/src/handlers/demand-applications-list';
import { handler as putH } from '../../functions/src/handlers/scores-put';
import { handler as getH } from '../../functions/src/handlers/scores-get';
import { handler as rankingH } from '../../functions/src/handlers/ranking-get';
import { handler as withdrawH } from '../../functions/src/handlers/applications-withdraw';
import { evaluationKeys } from '../../functions/src/store/keys';
import { act, invoke } from '../support/invoke';
import { spyOnStore } from '../support/store-spy';
import {
  AFTER,
  BEFORE,
  clockAt,
  clockEachTestAt,
  evaluationWorld,
  partition,
  who,
  type EvaluationWorld,
  type Who,
} from './evaluation-support';

let w: EvaluationWorld;
beforeAll(async () => {
  w = await evaluationWorld({ applicants: 3, weights: { team: 10, capability: 20, plan: 40, match: 30 } });
}, 60_000);
clockEachTestAt(BEFORE);

const score = (p: Who, id: string, body: unknown) =>
  invoke(putH, { method: 'PUT', token: p.token, params: { id }, body });
const list = (p: Who | null, query: Record<string, string> = {}) =>
  invoke(listH, { token: p?.token, params: { id: w.demand.id }, query });
const rank = (p: Who | null, query: Record<string, string> = {}) =>
  invoke(rankingH, { token: p?.token, params: { id: w.demand.id }, query });
const S = (team: number, capability: number, plan: number, match: number, comment?: string) => ({
  team,
  capability,
  plan,
  match,
  ...(comment ? { comment } : {}),
});

describe('released applications of a demand (GET /v1/demands/{id}/applications)', () => {
  it('lists every released application to any issuer member, with reviewer counts, in pages', async () => {
    const res = await list(w.member);
    expectWith(res.status, res.text).toBe(200);
    const body = releasedApplicationsSchema.parse(res.body);
    expect(body.items.map((i) => i.applicationId).sort()).toEqual(w.applicants.map((a) => a.app.id).sort());
    expect(body.items.every((i) => i.status === 'released' && i.reviewerCount === 0 && !i.scoredByMe)).toBe(true);
    const first = await list(w.member, { limit: '2' });
    expect(first.body.items).toHaveLength(2);
    const second = await list(w.member, { limit: '2', cursor: first.body.nextCursor });
    expect(second.body.items).toHaveLength(1);
    expect(
      new Set([...first.body.items, ...second.body.items].map((i: { applicationId: string }) => i.applicationId)).size,
    ).toBe(3);
  });

  it('is one Query (no Scan) per page', async () => {
    const spy = spyOnStore();
    try {
      await list(w.member, { limit: '2' });
      const names = spy.commands();
      expect(names).not.toContain('ScanCommand');
      expect(names.filter((n) => n === 'QueryCommand')).toHaveLength(1);
    } finally {
      spy.restore();
    }
  });
});

describe('scores (PUT /v1/applications/{id}/scores) and ranking', () => {
  it('refuses malformed score sets with 400 and field messages', async () => {
    const id = w.applicants[0]!.app.id;
    for (const body of [
      S(101, 1, 1, 1),
      S(-1, 1, 1, 1),
      S(1.5, 1, 1, 1),
      { ...S(1, 1, 1, 1), extra: 1 },
      { team: 1 },
      S(1, 1, 1, 1, 'x'.repeat(1001)),
    ]) {
      const res = await score(w.reviewers[0]!, id, body);
      expectWith(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields).toBeTruthy();
    }
  });

  it('one set per reviewer, replaced on edit; the ranking averages the sets with the demand weights', async () => {
    const [a, b, c] = w.applicants.map((x) => x.app.id) as [string, string, string];
    const [r1, r2] = w.reviewers as [Who, Who];
    const first = await score(r1, a, S(50, 50, 50, 50, '初评'));
    expectWith(first.status, first.text).toBe(200);
    expect(scoreSetSchema.parse(first.body)).toMatchObject({ version: 1, total: 50, reviewerId: r1.user.id });
    const edited = await score(r1, a, S(80, 90, 70, 60, '团队扎实'));
    expect(edited.body).toMatchObject({ version: 2, total: 8 + 18 + 28 + 18 });
    expect((await score(r2, a, S(60, 70, 90, 80))).status).toBe(200);
    expect((await score(r1, b, S(90, 90, 90, 90))).status).toBe(200);
    expect((await score(w.admin, c, S(10, 10, 10, 10))).status).toBe(200); // admins may score too

    const sets = await partition(evaluationKeys.partition(w.demand.id));
    expect(sets.filter((i) => String(i.SK).startsWith(`SCORE#${a}#`))).toHaveLength(2);

    const res = await rank(r1);
    expectWith(res.status, res.text).toBe(200);
    const body = rankingSchema.parse(res.body);
    expect(body.weights).toEqual({ team: 10, capability: 20, plan: 40, match: 30 });
    expect(body.items.map((l) => l.applicationId)).toEqual([b, a, c]);
    const lineA = body.items.find((l) => l.applicationId === a)!;
    // Averages of (80,90,70,60) and (60,70,90,80): 70, 80, 80, 70 → 7 + 16 + 32 + 21.
    expect(lineA).toMatchObject({
      rank: 2,
      reviewerCount: 2,
      averages: { team: 70, capability: 80, plan: 80, match: 70 },
      total: 76,
    });
    expect(body.counts).toEqual({ applications: 3, scoredByMe: 2 });
    expect(body.decision).toBeNull();

    const byTeam = rankingSchema.parse((await rank(r2, { sort: 'team' })).body);
    expect(byTeam.items.map((l) => l.applicationId)).toEqual([b, a, c]);
    const page1 = await rank(r2, { limit: '2', sort: 'plan' });
    const page2 = await rank(r2, { limit: '2', sort: 'plan', cursor: page1.body.nextCursor });
    expect([...page1.body.items, ...page2.body.items].map((l: { rank: number }) => l.rank)).toEqual([1, 2, 3]);
    expect(page2.body.nextCursor).toBeNull();
    expect((await rank(r2, { sort: 'total', cursor: page1.body.nextCursor })).status).toBe(400); // cursor of another sort

    const listed = releasedApplicationsSchema.parse((await list(r2)).body);
    expect(listed.items.find((i) => i.applicationId === a)).toMatchObject({ reviewerCount: 2, scoredByMe: true });
    expect(listed.items.find((i) => i.applicationId === b)).toMatchObject({ reviewerCount: 1, scoredByMe: false });
  });

  it('GET scores: a reviewer sees its own set; the admin every set with comments', async () => {
    const a = w.applicants[0]!.app.id;
    const mine = await invoke(getH, { token: w.reviewers[0]!.token, params: { id: a } });
    expectWith(mine.status, mine.text).toBe(200);
    expect(mine.body.mine).toMatchObject({ team: 80, comment: '团队扎实' });
    expect(mine.body.sets).toEqual([]);
    const admin = await invoke(getH, { token: w.admin.token, params: { id: a } });
    expect(admin.body.sets).toHaveLength(2);
  });

  it('the ranking reads entries only: one Query for the entries, whatever the number of score sets', async () => {
    const spy = spyOnStore();
    try {
      await rank(w.reviewers[0]!);
      const names = spy.commands();
      expect(names).not.toContain('ScanCommand');
      expect(names.filter((n) => n === 'QueryCommand')).toHaveLength(1);
    } finally {
      spy.restore();
    }
  });

  it('a withdrawn application leaves the list and the ranking', async () => {
    const extra = (await evaluationWorld({ applicants: 2 })) as EvaluationWorld;
    const gone = extra.applicants[1]!;
    const res = await act(withdrawH, gone.admin.token, gone.app.id, { reason: '另有安排' });
    expectWith(res.status, res.text).toBe(200);
    const listed = await invoke(listH, { token: extra.member.token, params: { id: extra.demand.id } });
    expect(listed.body.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([
      extra.applicants[0]!.app.id,
    ]);
    const ranked = await invoke(rankingH, { token: extra.member.token, params: { id: extra.demand.id } });
    expect(ranked.body.counts.applications).toBe(1);
    expect((await score(extra.reviewers[0]!, gone.app.id, S(1, 1, 1, 1))).status).toBe(404);
  });
});

describe('security matrix of the evaluation routes', () => {
  it('only issuer members read; only reviewers and admins score; everyone else gets 401/403/404 and no data', async () => {
    const otherLarge = await evaluationWorld({ applicants: 0 });
    const sme = w.applicants[0]!;
    const province = await who(['province:110000'], null);
    const ministry = await who(['ministry'], null);
    const outsiders: [string, Who][] = [
      ['another issuer’s reviewer', otherLarge.reviewers[0]!],
      ['another issuer’s admin', otherLarge.admin],
      ['an applicant SME', sme.admin],
      ['the issuer’s province', province],
      ['the ministry', ministry],
    ];
    const id = w.applicants[1]!.app.id;
    const secrets = [...w.applicants.map((a) => a.org.name), ...w.applicants.slice(1).map((a) => a.app.id)];
    for (const [label, p] of outsiders) {
      for (const res of [
        await list(p),
        await rank(p),
        await score(p, id, S(1, 2, 3, 4)),
        await invoke(getH, { token: p.token, params: { id } }),
      ]) {
        expectWith([403, 404], `${label}: ${res.text}`).toContain(res.status);
        for (const s of secrets) expectWith(res.text, label).not.toContain(s);
      }
    }
    for (const res of [
      await list(null),
      await rank(null),
      await invoke(putH, { method: 'PUT', params: { id }, body: S(1, 1, 1, 1) }),
    ]) {
      expect(res.status).toBe(401);
    }
    // An issuer member without the reviewer role reads but does not score.
    const denied = await score(w.member, id, S(1, 2, 3, 4));
    expect(denied.status).toBe(403);
    expect((await list(w.member)).status).toBe(200);
  });

  it('scores stay editable after the deadline until the decision', async () => {
    clockAt(AFTER);
    expect((await score(w.reviewers[1]!, w.applicants[2]!.app.id, S(40, 40, 40, 40))).status).toBe(200);
  });
});
