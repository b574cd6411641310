/**
 * Ranking for 精准对接 (issue 15), pure: postings (store/dynamo-match-index.ts) in, scored items with readable
 * reasons out. Score = Σ over shared terms of (query weight × posting weight) — TF-IDF weights on both sides, so
 * a rare word both texts lean on counts most — plus a field bonus, a region bonus, and for achievements a
 * maturity bonus. Every item carries at least one reason in Chinese.
 */
import { FIELDS, regionName, TRL_LABELS, type FieldKey } from '@jiebang/shared';
import type { Posting, WeightedTerm } from '../store/dynamo-match-index';

export const FIELD_BONUS = 0.35;
export const REGION_BONUS = 0.1;
export const MATURITY_BONUS = 0.05; // per level above 5 (成熟的成果更易转化)

export interface Ranked {
  kind: Posting['kind'];
  id: string;
  posting: Posting;
  score: number;
  reasons: string[];
}

/**
 * Ranks the objects of `postings` for a query made of `terms`, `fields` and `region`. `postings` are those the
 * term and field Queries returned (an object appears once per matching term).
 */
export function rank(
  query: { terms: readonly WeightedTerm[]; fields: readonly FieldKey[]; region?: string | undefined },
  postings: readonly Posting[],
): Ranked[] {
  const weights = new Map(query.terms.map((t) => [t.term, t.weight]));
  const byObject = new Map<string, { posting: Posting; shared: { term: string; w: number }[]; field: boolean }>();
  for (const p of postings) {
    const key = `${p.kind}#${p.id}`;
    const entry = byObject.get(key) ?? { posting: p, shared: [], field: false };
    if (p.term.startsWith('FIELD#')) entry.field = true;
    else {
      const qw = weights.get(p.term);
      if (qw !== undefined && !entry.shared.some((s) => s.term === p.term))
        entry.shared.push({ term: p.term, w: qw * p.weight });
    }
    if (query.fields.includes(p.field)) entry.field = true;
    byObject.set(key, entry);
  }
  const out: Ranked[] = [];
  for (const { posting, shared, field } of byObject.values()) {
    const regionMatch = query.region !== undefined && posting.region.slice(0, 2) === query.region.slice(0, 2);
    const keyword = shared.reduce((s, x) => s + x.w, 0);
    const maturity = posting.kind === 'A' && posting.maturity ? Math.max(0, posting.maturity - 5) * MATURITY_BONUS : 0;
    const score = keyword + (field ? FIELD_BONUS : 0) + (regionMatch ? REGION_BONUS : 0) + maturity;
    const reasons: string[] = [];
    if (field) reasons.push(`领域相同：${FIELDS[posting.field]}`);
    if (shared.length > 0)
      reasons.push(
        `关键词：${shared
          .sort((a, b) => b.w - a.w)
          .slice(0, 4)
          .map((s) => s.term)
          .join('、')}`,
      );
    if (regionMatch) reasons.push(`同一地区：${regionName(posting.region.slice(0, 2) + '0000')}`);
    if (posting.kind === 'A' && posting.maturity) reasons.push(`技术成熟度：${TRL_LABELS[posting.maturity]}`);
    if (reasons.length === 0) continue;
    out.push({ kind: posting.kind, id: posting.id, posting, score: Math.round(score * 1000) / 1000, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
