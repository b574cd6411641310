/**
 * 遴选 (selection) rules, pure: the four criteria of the notice, weighted totals and per-criterion averages from
 * running sums, the ranking order, and the "one decision of at most two applicants per demand" limit. The
 * server stores only sums and counts per application (see functions/src/store/dynamo-evaluation.ts); everything
 * shown is derived here so that client and server compute the same figures.
 */

import { keysOf } from '../constants';

/** The four criteria named by the notice: 团队水平, 研发能力, 攻关方案, 与需求匹配度. */
export const CRITERIA = {
  team: '团队水平',
  capability: '研发能力',
  plan: '攻关方案',
  match: '与需求匹配度',
} as const;
export type Criterion = keyof typeof CRITERIA;
export const CRITERION_KEYS = keysOf(CRITERIA);

/** Integer 0–100 per criterion. */
export type CriterionScores = Record<Criterion, number>;
/** Integer weights summing to 100 (demand.weights). */
export type CriterionWeights = Record<Criterion, number>;

/** Most applicants one demand may select (domain.md: 1–2). */
export const MAX_SELECTED = 2;

/** Round to two decimals without binary-float surprises in the display (e.g. 82.345 → 82.35). */
export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** Weighted total of one score set, 0–100: Σ weight × score / 100. */
export function weightedTotal(scores: CriterionScores, weights: CriterionWeights): number {
  return round2(CRITERION_KEYS.reduce((sum, c) => sum + weights[c] * scores[c], 0) / 100);
}

/** Running sums of an application's score sets and how many reviewers scored. */
export interface ScoreSums {
  sums: CriterionScores;
  count: number;
}

/** Per-criterion averages (two decimals), or null when nobody scored yet. */
export function averages(s: ScoreSums): CriterionScores | null {
  if (s.count <= 0) return null;
  return {
    team: round2(s.sums.team / s.count),
    capability: round2(s.sums.capability / s.count),
    plan: round2(s.sums.plan / s.count),
    match: round2(s.sums.match / s.count),
  };
}

/**
 * Weighted total of the averages, computed from the exact sums (not from rounded averages), or null when nobody
 * scored yet. Equal to the average of the reviewers' weighted totals.
 */
export function averageTotal(s: ScoreSums, weights: CriterionWeights): number | null {
  if (s.count <= 0) return null;
  return round2(CRITERION_KEYS.reduce((sum, c) => sum + weights[c] * s.sums[c], 0) / (100 * s.count));
}

/** What a changed score set adds to the sums: the new set minus the previous one (absent = zeros). */
export function scoreDelta(next: CriterionScores, previous: CriterionScores | null): CriterionScores {
  return {
    team: next.team - (previous?.team ?? 0),
    capability: next.capability - (previous?.capability ?? 0),
    plan: next.plan - (previous?.plan ?? 0),
    match: next.match - (previous?.match ?? 0),
  };
}

export const RANKING_SORTS = ['total', ...CRITERION_KEYS, 'reviewers'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export interface RankedLine {
  applicationId: string;
  total: number | null;
  averages: CriterionScores | null;
  reviewerCount: number;
  releasedAt?: string | undefined;
}

/**
 * Ranking order, best first: by the chosen key (unscored applications last), ties broken by the weighted total,
 * then by the earlier release, then by id, so that the order is total and stable across pages.
 */
export function compareRanked(sort: RankingSort): (a: RankedLine, b: RankedLine) => number {
  const key = (l: RankedLine): number | null =>
    sort === 'total' ? l.total : sort === 'reviewers' ? l.reviewerCount : l.averages ? l.averages[sort] : null;
  const desc = (x: number | null, y: number | null) => (y ?? -1) - (x ?? -1);
  return (a, b) =>
    desc(key(a), key(b)) ||
    desc(a.total, b.total) ||
    (a.releasedAt ?? '').localeCompare(b.releasedAt ?? '') ||
    a.applicationId.localeCompare(b.applicationId);
}

/** Why a selection is refused before touching storage, or null when its shape is allowed. */
export function selectionProblem(applicationIds: readonly string[]): 'SELECTION_LIMIT' | 'DUPLICATE_IDS' | null {
  if (applicationIds.length > MAX_SELECTED) return 'SELECTION_LIMIT';
  if (new Set(applicationIds).size !== applicationIds.length) return 'DUPLICATE_IDS';
  return null;
}

/**
 * The threshold an unselected applicant is told: the lowest weighted total among the selected (null when nothing
 * was selected, or the selected were never scored). It reveals no other applicant's identity or scores.
 */
export function lowestSelectedTotal(selectedTotals: readonly (number | null)[]): number | null {
  const scored = selectedTotals.filter((t): t is number => t !== null);
  return scored.length > 0 ? Math.min(...scored) : null;
}

/** Width of the band shown instead of a single winner's exact total. */
export const THRESHOLD_BAND_POINTS = 5;

/**
 * The threshold as the applicants are told it. With one winner, the lowest selected total IS the winner's total,
 * and the winner's name is public (揭榜名单): the exact figure would publish its score. Then only the 5-point band
 * holding it is given (from ≤ total < to; 100 falls in 95–100). With two, the lowest total does not say whose it is.
 */
export function thresholdView(
  lowest: number | null,
  selectedCount: number,
): { lowestSelectedTotal: number | null; selectedCount: number; selectedBand?: { from: number; to: number } } {
  if (lowest === null || selectedCount !== 1) return { lowestSelectedTotal: lowest, selectedCount };
  const from = Math.min(
    100 - THRESHOLD_BAND_POINTS,
    Math.floor(lowest / THRESHOLD_BAND_POINTS) * THRESHOLD_BAND_POINTS,
  );
  return { lowestSelectedTotal: null, selectedCount, selectedBand: { from, to: from + THRESHOLD_BAND_POINTS } };
}
