/**
 * Keywords of a Chinese text for matching (百场万企 pre-matching, 科技成果赋智 precise matching): words from a real
 * segmenter (jieba: dictionary + HMM, so 电主轴 and 动力电池 stay whole where character bigrams would match 主轴 in
 * any 主轴承), weighted by TF-IDF against jieba's corpus IDF, with the programme's own boilerplate removed (every
 * demand says 企业, 技术, 需求: they would make everything look alike).
 *
 * Loading the dictionaries costs ≈ 0.5 s and ≈ 15 MB, so they are loaded on the first call, never at import: only
 * code that extracts keywords pays for them, and it should do so when a text is written (store the terms on the
 * item), not on a read path.
 */
import type { Jieba, TfIdf } from '@node-rs/jieba';

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Words every text of the programme uses; they carry no signal about what a demand or an offer is about. */
const PROGRAMME_STOP_WORDS = new Set([
  '企业',
  '中小企业',
  '大企业',
  '公司',
  '技术',
  '需求',
  '项目',
  '产品',
  '研发',
  '开发',
  '应用',
  '实现',
  '进行',
  '提供',
  '要求',
  '能力',
  '具有',
  '相关',
  '以上',
  '以下',
  '我们',
  '需要',
  '具备',
  '主要',
  '面向',
  '方面',
  '通过',
  '问题',
  '解决',
  '合作',
  '支持',
  '提升',
  '发榜',
  '揭榜',
  '成果',
  '单位',
  '服务',
  '领域',
]);

let loaded: { jieba: Jieba; tfidf: TfIdf } | null = null;

function engine() {
  if (!loaded) {
    // Required here rather than imported: the native module and its 11 MB of dictionaries load on first use only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Jieba: J, TfIdf: T } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { dict, idf } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    // Stop words are filtered below: the binding's setConfig fails to convert a JavaScript Set (2.0.3).
    loaded = { jieba: J.withDict(dict), tfidf: T.withDict(idf) };
  }
  return loaded;
}

/** Words of `text` in order (punctuation and spaces dropped), as the segmenter cuts them. */
export function segment(text: string): string[] {
  return engine()
    .jieba.cut(text.normalize('NFKC'), true)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * The `topK` most characteristic words of `text`, heaviest first, weights normalised so that the heaviest is 1
 * (texts of different lengths compare). Latin words are lower-cased (PLC = plc).
 */
export function extractKeywords(text: string, topK = 20): WeightedTerm[] {
  const clean = text.normalize('NFKC').trim();
  if (!clean) return [];
  const { jieba, tfidf } = engine();
  const merged = new Map<string, number>();
  for (const k of tfidf.extractKeywords(jieba, clean, topK * 2)) {
    const term = k.keyword.toLowerCase();
    if (term.length < 2 || PROGRAMME_STOP_WORDS.has(term) || !/[\p{L}\p{N}]/u.test(term) || /^\d+$/.test(term))
      continue;
    merged.set(term, Math.max(merged.get(term) ?? 0, k.weight));
  }
  const terms = [...merged].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, topK);
  const top = terms[0]?.[1] ?? 0;
  return top > 0 ? terms.map(([term, weight]) => ({ term, weight: Math.round((weight / top) * 1000) / 1000 })) : [];
}

/**
 * How much two keyword sets share: cosine similarity of their weights (0 … 1) and the shared words, heaviest
 * first — the words are the reason a match is shown ("共同关键词：电主轴、轴承").
 */
export function keywordOverlap(a: readonly WeightedTerm[], b: readonly WeightedTerm[]) {
  const wb = new Map(b.map((t) => [t.term, t.weight]));
  const shared: WeightedTerm[] = [];
  let dot = 0;
  for (const t of a) {
    const w = wb.get(t.term);
    if (w === undefined) continue;
    dot += t.weight * w;
    shared.push({ term: t.term, weight: t.weight * w });
  }
  const norm = (ts: readonly WeightedTerm[]) => Math.sqrt(ts.reduce((s, t) => s + t.weight * t.weight, 0));
  const denominator = norm(a) * norm(b);
  return {
    score: denominator > 0 ? dot / denominator : 0,
    shared: shared.sort((x, y) => y.weight - x.weight).map((t) => t.term),
  };
}
