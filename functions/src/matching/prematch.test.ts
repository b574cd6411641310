import { describe, expect, it } from '@jest/globals';
import { MIN_SUGGESTED_SCORE, scorePair, suggestPairs, SUGGESTIONS_PER_HOST, type MatchSide } from './prematch';

const side = (over: Partial<MatchSide> & { id: string }): MatchSide => ({
  orgName: over.id,
  orgRegion: '440305',
  fields: [],
  qualifications: [],
  needTerms: [],
  offerTerms: [],
  ...over,
});

const host = side({
  id: 'h',
  orgName: '华南机床集团',
  orgRegion: '440106',
  fields: ['machine_tools'],
  needTerms: [
    { term: '电主轴', weight: 1 },
    { term: '直线电机', weight: 0.8 },
  ],
});

describe('pre-match scoring', () => {
  it('explains each signal in Chinese and needs relevance', () => {
    const full = scorePair(
      host,
      side({
        id: 'p',
        fields: ['machine_tools'],
        qualifications: ['innovative_sme', 'little_giant'],
        offerTerms: [{ term: '电主轴', weight: 1 }],
      }),
    );
    expect(full.relevant).toBe(true);
    expect(full.reasons).toEqual(['领域相同：工业母机', '关键词：电主轴', '国家级专精特新“小巨人”企业', '同在广东省']);
    expect(full.score).toBeLessThanOrEqual(100);
    // Proximity and a qualification without a shared field or word: not a match.
    const near = scorePair(host, side({ id: 'q', qualifications: ['little_giant'] }));
    expect(near.relevant).toBe(false);
    expect(near.score).toBe(25);
  });

  it('puts the 专精特新 enterprise first among equally relevant ones, ties by name', () => {
    const a = side({ id: 'a', orgName: '乙企业', fields: ['machine_tools'] });
    const b = side({
      id: 'b',
      orgName: '甲企业',
      fields: ['machine_tools'],
      qualifications: ['provincial_specialized'],
    });
    const c = side({ id: 'c', orgName: '丙企业', fields: ['machine_tools'] });
    const pairs = suggestPairs([host], [a, b, c]);
    expect(pairs.map((p) => p.participantOrgName)[0]).toBe('甲企业');
    expect(pairs.every((p) => p.score >= MIN_SUGGESTED_SCORE)).toBe(true);
  });

  it('keeps at most SUGGESTIONS_PER_HOST per host and drops irrelevant participants', () => {
    const many = Array.from({ length: 15 }, (_, i) => side({ id: `p${i}`, fields: ['machine_tools'] }));
    const unrelated = side({ id: 'x', fields: ['biomedicine'], orgRegion: '440106' });
    const pairs = suggestPairs([host], [...many, unrelated]);
    expect(pairs).toHaveLength(SUGGESTIONS_PER_HOST);
    expect(pairs.map((p) => p.participantRegistrationId)).not.toContain('x');
  });
});
