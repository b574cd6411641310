/**
 * The demo seed against DynamoDB Local: idempotent (a second run writes nothing), and the evaluation demo is
 * usable through the API — 华夏重工's reviewer sees both released applications of its closed demand to score.
 */
import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { rankingSchema } from '@jiebang/shared';
import { handler as rankingH } from '../../functions/src/handlers/ranking-get';
import { handler as scoresPutH } from '../../functions/src/handlers/scores-put';
import { deps } from '../../functions/src/deps';
import { userIdForOpenid } from '../../functions/src/auth/identity';
import { seed } from '../../infra/seed/seed';
import { SEED_DEMANDS } from '../../infra/seed/demands';
import { SEED_APPLICATIONS } from '../../infra/seed/evaluation';
import { ORG_IDS } from '../../infra/seed/orgs';
import { invoke } from '../support/invoke';
import { rebuildCounters } from '../../functions/src/store/counters-rebuild';

describe('demo seed', () => {
  it('writes everything once, then nothing; the evaluation demo can be ranked and scored', async () => {
    const now = new Date();
    const first = await seed(deps().store, now);
    expect(first.applications).toEqual({ created: 2, existing: 0 });
    expect(first.demands.existing).toBe(0);
    const again = await seed(deps().store, now);
    expect(again.applications).toEqual({ created: 0, existing: 2 });
    expect(again.demands.created + again.orgs.created + again.users.created).toBe(0);
    // statistics: the history is written once, and its counters agree with the records.
    expect(first.history).toBeGreaterThan(30);
    expect(again.history).toBe(0);
    expect((await rebuildCounters(deps().store)).drift).toEqual([]);

    const token = async (openid: string, roles: string[]) =>
      (await deps().tokens.issue({ id: userIdForOpenid(openid), roles, orgId: ORG_IDS.huaxia }, now)).token;
    const reviewer = await token('issuer-reviewer', ['org_member', 'reviewer']);
    const ranking = await invoke(rankingH, { token: reviewer, params: { id: SEED_DEMANDS.evaluating } });
    expectWith(ranking.status, ranking.text).toBe(200);
    const r = rankingSchema.parse(ranking.body);
    expect(r.items.map((i) => i.applicationId).sort()).toEqual(Object.values(SEED_APPLICATIONS).sort());
    expect(r.counts).toEqual({ applications: 2, scoredByMe: 0 });
    expect(r.decision).toBeNull();

    const scored = await invoke(scoresPutH, {
      method: 'PUT',
      token: reviewer,
      params: { id: SEED_APPLICATIONS.jingce },
      body: { team: 85, capability: 88, plan: 90, match: 92, comment: '方案完整，指标对应。' },
    });
    expectWith(scored.status, scored.text).toBe(200);
  }, 120_000);
});
