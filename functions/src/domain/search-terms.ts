/**
 * Keyword search over Chinese text without a segmenter: character bigrams. Every run of letters and digits of
 * the searchable text (title, difficulties, indicators) contributes its bigrams as index terms; a query matches a
 * demand when each of its runs occurs in the demand's text. Bigrams find any substring of two or more
 * characters (a segmenter only finds whole words as it cut them: "电主轴" vs "电/主轴"), need no dictionary, and
 * are pure JS (no native `.node` binary to bundle for Lambda arm64). See README "Catalogue search".
 */
import type { Demand } from '@jiebang/shared';

/** NFKC (full-width → half-width, ₂ → 2), lower case: the same folding for the index and the query. */
export const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Runs of letters and digits: punctuation and spaces separate words, and bigrams never span them. */
export const runsOf = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

function bigramsOfRun(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The text of a demand that keyword search looks at. */
export function searchableText(d: Pick<Demand, 'title' | 'difficulties' | 'indicators'>): string {
  return [d.title, d.difficulties, ...d.indicators.flatMap((i) => [i.name, i.target])].join('\n');
}

/** Distinct index terms (bigrams) of a demand. */
export function indexTerms(d: Pick<Demand, 'title' | 'difficulties' | 'indicators'>): string[] {
  return [...new Set(runsOf(searchableText(d)).flatMap(bigramsOfRun))];
}

export interface SearchQuery {
  /** The runs of the query; each must occur in the demand's text. */
  runs: string[];
  /** The one posting list to read: a bigram of the longest run (long runs tend to hold rarer bigrams). */
  term: string;
}

/** Parse a keyword query, or null when it has no run of two or more characters (nothing is indexed below that). */
export function parseSearchQuery(q: string): SearchQuery | null {
  const runs = [...new Set(runsOf(q))];
  const longest = [...runs].sort((a, b) => [...b].length - [...a].length)[0];
  if (!longest || [...longest].length < 2) return null;
  // Within the run, prefer a bigram without ASCII digits/letters only (CJK bigrams are far more selective).
  const grams = bigramsOfRun(longest);
  const term = grams.find((g) => [...g].some((c) => c.charCodeAt(0) > 0x7f)) ?? grams[0]!;
  return { runs, term };
}

/** Does the demand's searchable text contain every run of the query? */
export function matches(d: Pick<Demand, 'title' | 'difficulties' | 'indicators'>, query: SearchQuery): boolean {
  const text = runsOf(searchableText(d)).join(' ');
  return query.runs.every((r) => text.includes(r));
}
