/**
 * The 预对接企业名单 (seed 000 "确定预对接企业名单"): each approved host's needs against each approved participant's
 * offers, scored by field/chain, keywords (jieba TF-IDF terms stored on the registration when it was written),
 * region and qualifications (专精特新 first), every pair with its reasons in Chinese. Pure: the use-case reads the
 * registrations (one event's, never the table) and hands them here.
 */
import { FIELDS, QUALIFICATIONS, regionName, type FieldKey, type PrematchPair } from '@jiebang/shared';
import { keywordOverlap, type WeightedTerm } from './keywords';

export interface MatchSide {
  id: string;
  orgName: string;
  orgRegion: string;
  fields: FieldKey[];
  qualifications: (keyof typeof QUALIFICATIONS)[];
  needTerms: WeightedTerm[];
  offerTerms: WeightedTerm[];
}

/** Weights of the signals (sum 100): relevance first, then qualifications, then proximity. */
export const PREMATCH_WEIGHTS = { field: 35, keywords: 40, qualification: 15, region: 10 } as const;

const QUALIFICATION_POINTS: Record<keyof typeof QUALIFICATIONS, number> = {
  little_giant: 15,
  provincial_specialized: 10,
  innovative_sme: 5,
  high_tech: 5,
};

/** A pair scores only with a relevance signal (a shared field or keyword); proximity alone is no match. */
export const MIN_SUGGESTED_SCORE = 20;
/** Suggestions per host: an organiser arranges a handful of tables per large enterprise. */
export const SUGGESTIONS_PER_HOST = 10;
export const MAX_PAIRS = 500;

const province = (code: string) => `${code.slice(0, 2)}0000`;

/** Score (0–100) and reasons of one host × participant pair; `relevant` is false without field or keyword signal. */
export function scorePair(host: MatchSide, participant: MatchSide) {
  const reasons: string[] = [];
  let score = 0;
  const sharedFields = host.fields.filter((f) => participant.fields.includes(f));
  if (sharedFields.length > 0) {
    score += PREMATCH_WEIGHTS.field;
    reasons.push(`领域相同：${sharedFields.map((f) => FIELDS[f]).join('、')}`);
  }
  const overlap = keywordOverlap(host.needTerms, participant.offerTerms);
  if (overlap.shared.length > 0) {
    // Cosine of two 20-term sets rarely passes 0.5: scale so that a strong overlap earns the full weight.
    score += Math.min(PREMATCH_WEIGHTS.keywords, Math.round(overlap.score * 2 * PREMATCH_WEIGHTS.keywords));
    reasons.push(`关键词：${overlap.shared.slice(0, 3).join('、')}`);
  }
  const relevant = reasons.length > 0;
  const best = participant.qualifications
    .map((q) => ({ q, points: QUALIFICATION_POINTS[q] }))
    .sort((a, b) => b.points - a.points)[0];
  if (best) {
    score += best.points;
    reasons.push(QUALIFICATIONS[best.q]);
  }
  if (province(host.orgRegion) === province(participant.orgRegion)) {
    score += PREMATCH_WEIGHTS.region;
    reasons.push(`同在${regionName(province(host.orgRegion))}`);
  }
  return { score: Math.min(100, score), reasons, relevant };
}

const pairOf = (h: MatchSide, p: MatchSide, s: { score: number; reasons: string[] }): PrematchPair => ({
  hostRegistrationId: h.id,
  participantRegistrationId: p.id,
  hostOrgName: h.orgName,
  participantOrgName: p.orgName,
  score: s.score,
  reasons: s.reasons,
});

/**
 * Suggested pairs, best first: for each host its best `SUGGESTIONS_PER_HOST` relevant participants at or above
 * `MIN_SUGGESTED_SCORE`; at most `MAX_PAIRS`. Ties: the participant with the better qualification (in the score),
 * then the name, so the list is stable.
 */
export function suggestPairs(hosts: MatchSide[], participants: MatchSide[]): PrematchPair[] {
  const out: PrematchPair[] = [];
  for (const h of hosts) {
    const scored = participants
      .filter((p) => p.id !== h.id)
      .map((p) => ({ p, s: scorePair(h, p) }))
      .filter((x) => x.s.relevant && x.s.score >= MIN_SUGGESTED_SCORE)
      .sort((a, b) => b.s.score - a.s.score || a.p.orgName.localeCompare(b.p.orgName, 'zh'))
      .slice(0, SUGGESTIONS_PER_HOST);
    out.push(...scored.map((x) => pairOf(h, x.p, x.s)));
  }
  return out.sort((a, b) => b.score - a.score || a.hostOrgName.localeCompare(b.hostOrgName, 'zh')).slice(0, MAX_PAIRS);
}

/** The pairs an organiser chose, scored and explained the same way (relevance not required: the organiser decides). */
export function explainPairs(
  chosen: { hostRegistrationId: string; participantRegistrationId: string }[],
  byId: Map<string, MatchSide>,
): PrematchPair[] {
  return chosen.map((c) => {
    const h = byId.get(c.hostRegistrationId)!;
    const p = byId.get(c.participantRegistrationId)!;
    const s = scorePair(h, p);
    return pairOf(h, p, { score: s.score, reasons: s.reasons.length ? s.reasons : ['主办方指定'] });
  });
}
