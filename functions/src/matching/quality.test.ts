/**
 * Issue 15's quality bar for 精准对接: on a labelled set of our own (test/fixtures/matching-labelled.ts: 32 demands
 * in 8 fields with same-field distractors, 18 organisations, relevance judged from the technical content), the
 * ranking of GET /v1/recommendations must at least double the precision of the top 3 of the baseline "newest
 * first". Runs the real code: profiles through `profileWithTerms` and demands through `demandMatchingText` with the
 * real segmenter, postings as the real writer builds them (their keys, so the Queries' order is DynamoDB's), and the
 * `recommendations` use-case itself over an in-memory index that answers a Query as DynamoDB would.
 * Prints the figures (README "科技成果赋智", Matching quality).
 */
import { describe, expect, it } from '@jest/globals';
import type { Org, SessionUser } from '@jiebang/shared';
import { LABELLED_DEMANDS, LABELLED_ORGS } from '../../../test/fixtures/matching-labelled';
import { fromItem } from '../store/items';
import { matchPostingItems, type DynamoMatchIndex, type Posting } from '../store/dynamo-match-index';
import { recommendations } from '../use-cases/matching';
import { profileWithTerms } from '../use-cases/orgs';
import { demandMatchingText, keywordsForMatching } from './wiring';

const NOW = new Date('2026-10-15T00:00:00Z');
const DEADLINE = '2026-12-31T09:59:59.000Z';

/** The postings of every labelled demand, as the indexer writes them. */
const items = LABELLED_DEMANDS.flatMap((d) =>
  matchPostingItems('t', 'D', d.id, keywordsForMatching(demandMatchingText(d)), d.field, {
    name: d.title,
    region: d.region,
    ownerOrgId: `issuer-${d.id}`,
    ownerName: `发榜单位${d.id}`,
    anonymous: false,
    deadline: DEADLINE,
    issuerCreditCode: `91${d.region}00000000${d.id}`,
  }).map((t) => (t as { Put: { Item: Record<string, unknown> } }).Put.Item),
);

/** A Query of one partition, sort key ascending (heaviest first by construction), `Limit` items. */
const memoryIndex = {
  queries: 0,
  async postings(partition: string, kind: string, limit: number): Promise<Posting[]> {
    this.queries++;
    return items
      .filter((i) => i.PK === partition && String(i.SK).startsWith(`${kind}#`))
      .sort((a, b) => (String(a.SK) < String(b.SK) ? -1 : 1))
      .slice(0, limit)
      .map((i) => fromItem<Posting>(i));
  },
  async caller(orgId: string) {
    const o = LABELLED_ORGS.find((x) => x.id === orgId);
    return { org: o ? orgOf(o) : null, affiliatedIssuers: new Set<string>() };
  },
};

const orgOf = (o: (typeof LABELLED_ORGS)[number]) =>
  ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    region: o.region,
    creditCode: `12${o.region}0000000000`,
    profile: profileWithTerms(
      {
        summary: o.summary,
        ...(o.products ? { products: o.products } : {}),
        techFields: o.techFields,
        keywords: o.keywords,
      },
      keywordsForMatching,
    ),
  }) as unknown as Org;

const newestFirst = [...LABELLED_DEMANDS].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).map((d) => d.id);

const precisionAt3 = (ranked: string[], relevant: string[]) =>
  ranked.slice(0, 3).filter((id) => relevant.includes(id)).length / 3;
const reciprocalRank = (ranked: string[], relevant: string[]) => {
  const at = ranked.findIndex((id) => relevant.includes(id));
  return at < 0 ? 0 : 1 / (at + 1);
};
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('matching quality on the labelled set', () => {
  it('is a set of the size the issue asks for, with same-field distractors for every relevant demand', () => {
    expect(LABELLED_DEMANDS.length).toBeGreaterThanOrEqual(30);
    expect(LABELLED_ORGS.length).toBeGreaterThanOrEqual(15);
    for (const o of LABELLED_ORGS)
      for (const id of o.relevant) {
        const field = LABELLED_DEMANDS.find((d) => d.id === id)!.field;
        const distractors = LABELLED_DEMANDS.filter((d) => d.field === field && !o.relevant.includes(d.id));
        expect(distractors.length).toBeGreaterThanOrEqual(2);
      }
  });

  it('ranks at least twice as precisely as newest first (precision of the top 3), and prints the figures', async () => {
    const ours: { p3: number; rr: number }[] = [];
    const base: { p3: number; rr: number }[] = [];
    const lines: string[] = [];
    for (const o of LABELLED_ORGS) {
      const user: SessionUser = { id: `u-${o.id}`, roles: ['org_admin'], orgId: o.id };
      const items = await recommendations(user, 20, {
        repos: {
          match: memoryIndex as unknown as DynamoMatchIndex,
          demands: { get: async () => null },
        },
        now: NOW,
      });
      const ranked = items.map((r) => r.id);
      ours.push({ p3: precisionAt3(ranked, o.relevant), rr: reciprocalRank(ranked, o.relevant) });
      base.push({ p3: precisionAt3(newestFirst, o.relevant), rr: reciprocalRank(newestFirst, o.relevant) });
      lines.push(
        `${o.name}: ${items
          .slice(0, 3)
          .map((r) => `${r.id} [${r.reasons.join('；')}]`)
          .join(' ')} (relevant ${o.relevant.join(' ')})`,
      );
      for (const r of items) expect(r.reasons.length).toBeLessThanOrEqual(3);
    }
    const figures = {
      ranking: { precisionAt3: mean(ours.map((x) => x.p3)), mrr: mean(ours.map((x) => x.rr)) },
      newestFirst: { precisionAt3: mean(base.map((x) => x.p3)), mrr: mean(base.map((x) => x.rr)) },
      queriesPerRecommendation: memoryIndex.queries / LABELLED_ORGS.length,
    };
    const f = (x: number) => x.toFixed(3);
    console.log(
      [
        `labelled set: ${LABELLED_DEMANDS.length} demands, ${LABELLED_ORGS.length} organisations`,
        `ranking:      precision@3 ${f(figures.ranking.precisionAt3)}  MRR ${f(figures.ranking.mrr)}`,
        `newest first: precision@3 ${f(figures.newestFirst.precisionAt3)}  MRR ${f(figures.newestFirst.mrr)}`,
        `Queries per recommendation: ${figures.queriesPerRecommendation.toFixed(1)}`,
        ...lines,
      ].join('\n'),
    );
    expect(figures.ranking.precisionAt3).toBeGreaterThanOrEqual(2 * figures.newestFirst.precisionAt3);
    expect(figures.ranking.mrr).toBeGreaterThan(figures.newestFirst.mrr);
  });
});
