import { describe, expect, it } from '@jest/globals';
import { isTellingTerm, tellingTerms } from './telling-terms';

describe('telling terms', () => {
  it('keeps domain words and acronyms, drops generic words, units, measures and single characters', () => {
    for (const t of ['电主轴', '局部放电', '放电', '碳化硅', 'soc', 'mbr', 'sf6', 'co2', 'plc', 'nm450'])
      expect([t, isTellingTerm(t)]).toEqual([t, true]);
    for (const t of [
      '在线',
      '系统',
      '设备',
      '国产化',
      '工况',
      '一致性',
      '合作开发',
      '轴',
      'a',
      '11kw',
      'mm',
      'μm',
      '248nm',
      'g0',
      '1c',
      'MPa',
    ])
      expect([t, isTellingTerm(t)]).toEqual([t, false]);
  });

  it('renormalises what it keeps so that the heaviest telling term weighs 1', () => {
    expect(
      tellingTerms(
        [
          { term: '在线', weight: 1 },
          { term: '放电', weight: 0.8 },
          { term: '超高频', weight: 0.4 },
          { term: '传感器', weight: 0.2 },
        ],
        2,
      ),
    ).toEqual([
      { term: '放电', weight: 1 },
      { term: '超高频', weight: 0.5 },
    ]);
    expect(tellingTerms([{ term: '系统', weight: 1 }], 20)).toEqual([]);
  });
});
