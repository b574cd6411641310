import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  averages,
  averageTotal,
  compareRanked,
  lowestSelectedTotal,
  scoreDelta,
  thresholdView,
  selectionProblem,
  weightedTotal,
  type CriterionScores,
  type RankedLine,
} from './selection';

const EQUAL = { team: 25, capability: 25, plan: 25, match: 25 };
const s = (team: number, capability: number, plan: number, match: number): CriterionScores => ({
  team,
  capability,
  plan,
  match,
});

describe('weighted totals and averages', () => {
  it('equal weights: the plain mean of the four criteria', () => {
    expect(weightedTotal(s(80, 90, 70, 60), EQUAL)).toBe(75);
  });
  it('uneven weights', () => {
    expect(weightedTotal(s(80, 90, 70, 60), { team: 10, capability: 20, plan: 40, match: 30 })).toBe(8 + 18 + 28 + 18);
  });
  it('averages from sums, two decimals; null when nobody scored', () => {
    expect(averages({ sums: s(100, 200, 101, 0), count: 3 })).toEqual(s(33.33, 66.67, 33.67, 0));
    expect(averages({ sums: s(0, 0, 0, 0), count: 0 })).toBeNull();
    expect(averageTotal({ sums: s(0, 0, 0, 0), count: 0 }, EQUAL)).toBeNull();
  });
  it("the weighted total of the sums equals the mean of the reviewers' weighted totals (property)", () => {
    const score = fc.integer({ min: 0, max: 100 });
    const set = fc.record({ team: score, capability: score, plan: score, match: score });
    fc.assert(
      fc.property(fc.array(set, { minLength: 1, maxLength: 12 }), (sets) => {
        const sums = sets.reduce(
          (a, x) => s(a.team + x.team, a.capability + x.capability, a.plan + x.plan, a.match + x.match),
          s(0, 0, 0, 0),
        );
        const mean = sets.reduce((a, x) => a + weightedTotal(x, EQUAL), 0) / sets.length;
        expect(Math.abs(averageTotal({ sums, count: sets.length }, EQUAL)! - mean)).toBeLessThan(0.011);
      }),
    );
  });
  it('a delta turns the sums of the old set into the sums of the new one', () => {
    expect(scoreDelta(s(90, 80, 70, 60), s(50, 80, 100, 0))).toEqual(s(40, 0, -30, 60));
    expect(scoreDelta(s(1, 2, 3, 4), null)).toEqual(s(1, 2, 3, 4));
  });
});

describe('ranking order', () => {
  const line = (id: string, total: number | null, team: number | null, reviewerCount = 1): RankedLine => ({
    applicationId: id,
    total,
    averages: team === null ? null : s(team, 0, 0, 0),
    reviewerCount: total === null ? 0 : reviewerCount,
  });
  it('by total, best first, unscored last', () => {
    const sorted = [line('a', 60, 10), line('b', null, null), line('c', 90, 5)].sort(compareRanked('total'));
    expect(sorted.map((l) => l.applicationId)).toEqual(['c', 'a', 'b']);
  });
  it('by one criterion, ties broken by total then id', () => {
    const sorted = [line('a', 60, 10), line('b', 70, 10), line('c', 90, 5), line('d', 70, 10)].sort(
      compareRanked('team'),
    );
    expect(sorted.map((l) => l.applicationId)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('selection limit', () => {
  it('0, 1 or 2 distinct ids are allowed; 3 is SELECTION_LIMIT; duplicates are refused', () => {
    expect(selectionProblem([])).toBeNull();
    expect(selectionProblem(['a'])).toBeNull();
    expect(selectionProblem(['a', 'b'])).toBeNull();
    expect(selectionProblem(['a', 'b', 'c'])).toBe('SELECTION_LIMIT');
    expect(selectionProblem(['a', 'a'])).toBe('DUPLICATE_IDS');
  });
  it('threshold: the lowest scored selected total', () => {
    expect(lowestSelectedTotal([81.5, 77])).toBe(77);
    expect(lowestSelectedTotal([null, 80])).toBe(80);
    expect(lowestSelectedTotal([])).toBeNull();
  });
});

describe('thresholdView', () => {
  it("gives a single winner's total only as its 5-point band; two winners keep the lowest total", () => {
    expect(thresholdView(86.5, 1)).toEqual({
      lowestSelectedTotal: null,
      selectedCount: 1,
      selectedBand: { from: 85, to: 90 },
    });
    expect(thresholdView(85, 1).selectedBand).toEqual({ from: 85, to: 90 });
    expect(thresholdView(84.99, 1).selectedBand).toEqual({ from: 80, to: 85 });
    expect(thresholdView(100, 1).selectedBand).toEqual({ from: 95, to: 100 });
    expect(thresholdView(0, 1).selectedBand).toEqual({ from: 0, to: 5 });
    expect(thresholdView(null, 1)).toEqual({ lowestSelectedTotal: null, selectedCount: 1 });
    expect(thresholdView(77, 2)).toEqual({ lowestSelectedTotal: 77, selectedCount: 2 });
    expect(thresholdView(null, 0)).toEqual({ lowestSelectedTotal: null, selectedCount: 0 });
  });
});
