import { describe, expect, it } from '@jest/globals';
import type { Posting } from '../store/dynamo-match-index';
import { FIELD_BONUS, rank, REGION_BONUS } from './rank';

const posting = (over: Partial<Posting>): Posting => ({
  kind: 'D',
  id: 'd1',
  term: '电主轴',
  weight: 1,
  field: 'machine_tools',
  name: '电主轴国产化',
  region: '440300',
  ownerOrgId: 'o1',
  ...over,
});

describe('rank', () => {
  it('scores shared terms by both weights, adds field and region, and says why', () => {
    const [top] = rank({ terms: [{ term: '电主轴', weight: 0.5 }], fields: ['machine_tools'], region: '440305' }, [
      posting({}),
    ]);
    expect(top!.score).toBeCloseTo(0.5 + FIELD_BONUS + REGION_BONUS);
    expect(top!.reasons).toEqual(['领域相同：工业母机', '关键词：电主轴', '同一地区：广东省']);
  });
  it('counts a term once per object however many postings, and orders by score', () => {
    const out = rank(
      {
        terms: [
          { term: '电主轴', weight: 1 },
          { term: '轴承', weight: 0.2 },
        ],
        fields: [],
      },
      [
        posting({ id: 'a', term: '电主轴', weight: 0.3, field: 'other' }),
        posting({ id: 'a', term: '电主轴', weight: 0.3, field: 'other' }),
        posting({ id: 'b', term: '电主轴', weight: 0.9, field: 'other' }),
        posting({ id: 'b', term: '轴承', weight: 1, field: 'other' }),
      ],
    );
    expect(out.map((r) => [r.id, r.score])).toEqual([
      ['b', 1.1],
      ['a', 0.3],
    ]);
    expect(out[0]!.reasons).toEqual(['关键词：电主轴、轴承']);
  });
  it('drops what shares nothing, and rewards mature achievements', () => {
    expect(
      rank({ terms: [{ term: '晶圆', weight: 1 }], fields: ['biomedicine'] }, [posting({ field: 'other' })]),
    ).toEqual([]);
    const [a] = rank({ terms: [], fields: ['machine_tools'] }, [
      posting({ kind: 'A', term: 'FIELD#machine_tools', weight: 0, maturity: 8 }),
    ]);
    expect(a!.score).toBeCloseTo(FIELD_BONUS + 0.15);
    expect(a!.reasons).toContain('技术成熟度：8 级 定型试验通过');
  });
});
