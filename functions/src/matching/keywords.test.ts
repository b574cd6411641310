import { describe, expect, it } from '@jest/globals';
import { extractKeywords, keywordOverlap, segment } from './keywords';

describe('keywords from the segmenter', () => {
  it('keeps domain words whole where bigrams would split them', () => {
    expect(segment('高速电主轴的国产化替代与精密轴承研发')).toEqual(
      expect.arrayContaining(['电主轴', '国产化', '轴承']),
    );
    expect(segment('新能源汽车动力电池热管理系统')).toContain('动力电池');
  });

  it('weights the characteristic words first and drops the programme boilerplate', () => {
    const terms = extractKeywords('面向中小企业发榜：高速电主轴的国产化替代与精密轴承研发需求，企业需具备相关技术能力');
    expect(terms[0]).toEqual({ term: '电主轴', weight: 1 });
    const words = terms.map((t) => t.term);
    expect(words).toEqual(expect.arrayContaining(['国产化', '轴承']));
    for (const boilerplate of ['企业', '中小企业', '技术', '需求', '面向', '发榜'])
      expect(words).not.toContain(boilerplate);
    for (const t of terms) expect(t.weight).toBeLessThanOrEqual(1);
  });

  it('folds Latin case and ignores bare numbers and empty text', () => {
    expect(extractKeywords('   ')).toEqual([]);
    const words = extractKeywords('PLC 控制柜改造，2025 年完成').map((t) => t.term);
    expect(words).toContain('plc');
    expect(words).not.toContain('2025');
  });

  it('scores overlap as a cosine and names the shared words, heaviest first', () => {
    const demand = extractKeywords('动力电池热管理系统的液冷板设计与仿真');
    const offer = extractKeywords('液冷板与动力电池包热管理方案，具备仿真能力');
    const unrelated = extractKeywords('茶叶种植与农产品电商直播');
    const related = keywordOverlap(demand, offer);
    expect(related.score).toBeGreaterThan(0.3);
    expect(related.shared).toEqual(expect.arrayContaining(['动力电池', '液冷', '仿真']));
    expect(keywordOverlap(demand, unrelated)).toEqual({ score: 0, shared: [] });
    expect(keywordOverlap(demand, demand).score).toBeCloseTo(1, 6);
  });
});
