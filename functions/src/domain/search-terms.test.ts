import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../../../test/support/expect-with';
import { indexTerms, matches, parseSearchQuery } from './search-terms';

const d = {
  title: '五轴联动数控机床高速电主轴国产化研制',
  difficulties: '高转速下主轴热变形控制；MTBF 验证',
  indicators: [{ name: '最高转速', target: '≥ 24000 r/min' }],
};

describe('bigram search terms', () => {
  it('indexes every bigram of every run and nothing across punctuation', () => {
    const terms = indexTerms(d);
    expect(terms).toContain('电主');
    expect(terms).toContain('主轴');
    expect(terms).toContain('mt');
    expect(terms).not.toContain('制m'); // "控制；MTBF" — the semicolon separates
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('matches substrings of any length ≥ 2 and folds width and case', () => {
    for (const q of ['电主轴', '主轴', '数控机床 国产化', 'ＭＴＢＦ', 'mtbf', '24000']) {
      const parsed = parseSearchQuery(q)!;
      expectWith(parsed, q).not.toBeNull();
      expect(indexTerms(d)).toContain(parsed.term);
      expectWith(matches(d, parsed), q).toBe(true);
    }
    for (const q of ['电池', '主轴 电池', '轴电主']) expectWith(matches(d, parseSearchQuery(q)!), q).toBe(false);
  });

  it('refuses queries with no run of two characters', () => {
    expect(parseSearchQuery('钢')).toBeNull();
    expect(parseSearchQuery('  ，。 ')).toBeNull();
  });
});
