/**
 * Ranking for 精准对接 (issue 15), pure: postings (store/dynamo-match-index.ts) in, scored items with readable
 * reasons out. Score = Σ over shared telling terms of (query weight × posting weight) — TF-IDF weights on both
 * sides, so a rare word both texts lean on counts most — plus a field bonus, a region bonus, for organisations a
 * qualification bonus and for achievements a maturity bonus. Every item carries one to three reasons in Chinese,
 * strongest first (the signal that added most to its score): "关键词：电主轴、角接触轴承", "领域相同：工业母机",
 * "同在广东省", "资质：国家级专精特新“小巨人”企业", "技术成熟度：7 级 …". Words that tell nothing (在线, 系统,
 * units, single characters: telling-terms.ts) neither score nor appear.
 */
import { FIELDS, QUALIFICATIONS, regionName, TRL_LABELS, type FieldKey } from '@jiebang/shared';
import type { Posting, WeightedTerm } from '../store/dynamo-match-index';
import { isTellingTerm } from './telling-terms';

export const FIELD_BONUS = 0.35;
export const REGION_BONUS = 0.1;
export const MATURITY_BONUS = 0.05; // per level above 5 (成熟的成果更易转化)
/** An organisation with a qualification (专精特新 first) breaks ties among equally relevant ones. */
export const QUALIFICATION_BONUS: Record<keyof typeof QUALIFICATIONS, number> = {
  little_giant: 0.06,
  provincial_specialized: 0.04,
  innovative_sme: 0.02,
  high_tech: 0.02,
};
/** Reasons shown per item: the strongest. */
export const MAX_REASONS = 3;
/** Shared words named in the keyword reason. */
const REASON_TERMS = 3;

export interface Ranked {
  kind: Posting['kind'];
  id: string;
  posting: Posting;
  score: number;
  reasons: string[];
}

interface Entry {
  posting: Posting;
  shared: { term: string; w: number }[];
  /** The query's field this object was found under (its postings name only its first field). */
  field: FieldKey | null;
}

const province = (region: string) => `${region.slice(0, 2)}0000`;
/** Terms are stored lower-cased (PLC = plc); a reason shows a Latin acronym as it is written: SOC, MBR. */
const shown = (term: string) => (/^[a-z0-9+.-]+$/.test(term) ? term.toUpperCase() : term);

/** The best qualification an organisation's posting carries, if any. */
function bestQualification(p: Posting): keyof typeof QUALIFICATIONS | null {
  const held = (p.qualifications ?? []).filter((q): q is keyof typeof QUALIFICATIONS => q in QUALIFICATION_BONUS);
  return held.sort((a, b) => QUALIFICATION_BONUS[b] - QUALIFICATION_BONUS[a])[0] ?? null;
}

/**
 * Ranks the objects of `postings` for a query made of `terms`, `fields` and `region`. `postings` are those the
 * term and field Queries returned (an object appears once per matching term).
 */
export function rank(
  query: { terms: readonly WeightedTerm[]; fields: readonly FieldKey[]; region?: string | undefined },
  postings: readonly Posting[],
): Ranked[] {
  const weights = new Map(query.terms.filter((t) => isTellingTerm(t.term)).map((t) => [t.term, t.weight]));
  const byObject = new Map<string, Entry>();
  for (const p of postings) {
    const key = `${p.kind}#${p.id}`;
    const entry = byObject.get(key) ?? { posting: p, shared: [], field: null };
    if (p.term.startsWith('FIELD#')) {
      const f = p.term.slice('FIELD#'.length) as FieldKey;
      if (query.fields.includes(f)) entry.field = f;
    } else {
      const qw = weights.get(p.term);
      if (qw !== undefined && !entry.shared.some((s) => s.term === p.term))
        entry.shared.push({ term: p.term, w: qw * p.weight });
    }
    if (!entry.field && query.fields.includes(p.field)) entry.field = p.field;
    byObject.set(key, entry);
  }
  const out: Ranked[] = [];
  for (const { posting, shared, field } of byObject.values()) {
    // Each signal: what it adds to the score and how it reads.
    const signals: { score: number; reason: string }[] = [];
    if (shared.length > 0) {
      const top = [...shared].sort((a, b) => b.w - a.w);
      signals.push({
        score: top.reduce((s, x) => s + x.w, 0),
        reason: `关键词：${top
          .slice(0, REASON_TERMS)
          .map((s) => shown(s.term))
          .join('、')}`,
      });
    }
    if (field) signals.push({ score: FIELD_BONUS, reason: `领域相同：${FIELDS[field]}` });
    if (query.region !== undefined && province(posting.region) === province(query.region))
      signals.push({ score: REGION_BONUS, reason: `同在${regionName(province(posting.region))}` });
    const qualification = posting.kind === 'O' ? bestQualification(posting) : null;
    if (qualification)
      signals.push({ score: QUALIFICATION_BONUS[qualification], reason: `资质：${QUALIFICATIONS[qualification]}` });
    if (posting.kind === 'A' && posting.maturity)
      signals.push({
        score: Math.max(0, posting.maturity - 5) * MATURITY_BONUS,
        reason: `技术成熟度：${TRL_LABELS[posting.maturity]}`,
      });
    // Relevance first: proximity or a qualification alone is no match.
    if (shared.length === 0 && !field) continue;
    const score = signals.reduce((s, x) => s + x.score, 0);
    const reasons = signals
      .map((s, order) => ({ ...s, order }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, MAX_REASONS)
      .map((s) => s.reason);
    out.push({ kind: posting.kind, id: posting.id, posting, score: Math.round(score * 1000) / 1000, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
