import { describe, expect, it } from '@jest/globals';
import type { Posting } from '../store/dynamo-match-index';
import { FIELD_BONUS, MAX_REASONS, QUALIFICATION_BONUS, rank, REGION_BONUS } from './rank';

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
  it('scores shared terms by both weights, adds field and region, and says why, strongest first', () => {
    const [top] = rank({ terms: [{ term: '电主轴', weight: 0.5 }], fields: ['machine_tools'], region: '440305' }, [
      posting({}),
    ]);
    expect(top!.score).toBeCloseTo(0.5 + FIELD_BONUS + REGION_BONUS);
    expect(top!.reasons).toEqual(['关键词：电主轴', '领域相同：工业母机', '同在广东省']);
    // A weak keyword overlap comes after the field it shares.
    const [weak] = rank({ terms: [{ term: '电主轴', weight: 0.2 }], fields: ['machine_tools'] }, [posting({})]);
    expect(weak!.reasons).toEqual(['领域相同：工业母机', '关键词：电主轴']);
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

  it('neither scores nor names words that tell nothing (在线, 系统, units, one character)', () => {
    const terms = ['在线', '系统', '11kw', 'mm', '轴', '放电'].map((term) => ({ term, weight: 1 }));
    const out = rank({ terms, fields: [] }, [
      ...['在线', '系统', '11kw', 'mm', '轴'].map((term) => posting({ id: 'noise', term, field: 'other' })),
      posting({ id: 'pd', term: '在线', field: 'other' }),
      posting({ id: 'pd', term: '放电', weight: 0.5, field: 'other' }),
    ]);
    expect(out.map((r) => r.id)).toEqual(['pd']);
    expect(out[0]!.score).toBeCloseTo(0.5);
    expect(out[0]!.reasons).toEqual(['关键词：放电']);
  });

  it('shows Latin acronyms as written', () => {
    const [top] = rank({ terms: [{ term: 'mbr', weight: 1 }], fields: [] }, [posting({ term: 'mbr', field: 'other' })]);
    expect(top!.reasons).toEqual(['关键词：MBR']);
  });

  it('names the field it was found under, not the first of the organisation', () => {
    const [o] = rank({ terms: [], fields: ['new_materials'] }, [
      posting({ kind: 'O', id: 'o2', term: 'FIELD#new_materials', weight: 0, field: 'machine_tools' }),
    ]);
    expect(o!.reasons).toEqual(['领域相同：新材料']);
  });

  it('keeps at most three reasons, names the best qualification, and never ranks on proximity alone', () => {
    const [o] = rank(
      {
        terms: [
          { term: '电主轴', weight: 1 },
          { term: '轴承', weight: 1 },
          { term: '动平衡', weight: 1 },
          { term: '预紧', weight: 1 },
        ],
        fields: ['machine_tools'],
        region: '440100',
      },
      ['电主轴', '轴承', '动平衡', '预紧', 'FIELD#machine_tools'].map((term) =>
        posting({ kind: 'O', id: 'o3', term, weight: 0.5, qualifications: ['high_tech', 'little_giant'] }),
      ),
    );
    expect(o!.reasons).toHaveLength(MAX_REASONS);
    expect(o!.reasons).toEqual(['关键词：电主轴、轴承、动平衡', '领域相同：工业母机', '同在广东省']);
    expect(o!.score).toBeCloseTo(2 + FIELD_BONUS + REGION_BONUS + QUALIFICATION_BONUS.little_giant);
    const [q] = rank({ terms: [], fields: ['machine_tools'] }, [
      posting({ kind: 'O', id: 'o4', term: 'FIELD#machine_tools', weight: 0, qualifications: ['little_giant'] }),
    ]);
    expect(q!.reasons).toEqual(['领域相同：工业母机', '资质：国家级专精特新“小巨人”企业']);
    expect(
      rank({ terms: [], fields: ['biomedicine'], region: '440300' }, [
        posting({ kind: 'O', term: '轴承', qualifications: ['little_giant'] }),
      ]),
    ).toEqual([]);
  });

  it('drops what shares nothing, and rewards mature achievements', () => {
    expect(
      rank({ terms: [{ term: '晶圆', weight: 1 }], fields: ['biomedicine'] }, [posting({ field: 'other' })]),
    ).toEqual([]);
    const [a] = rank({ terms: [], fields: ['machine_tools'] }, [
      posting({ kind: 'A', term: 'FIELD#machine_tools', weight: 0, maturity: 8 }),
    ]);
    expect(a!.score).toBeCloseTo(FIELD_BONUS + 0.15);
    expect(a!.reasons).toEqual(['领域相同：工业母机', '技术成熟度：8 级 定型试验通过']);
  });
});
