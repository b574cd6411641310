import { describe, expect, it } from '@jest/globals';
import { INDUSTRY_KEYS, type IndustryKey } from '../constants';
import { classify, type Figures, type Metric } from './classification';

/**
 * The 300号 table re-typed from the notice (domain.md), independently of the implementation's table:
 * [SME-threshold "or" parts, medium "and" bounds, small "and" bounds]. E employees, R revenue, A assets.
 */
type B = Partial<Record<'E' | 'R' | 'A', number>>;
const NOTICE: Record<IndustryKey, [B, B, B]> = {
  agriculture: [{ R: 20000 }, { R: 500 }, { R: 50 }],
  industry: [
    { E: 1000, R: 40000 },
    { E: 300, R: 2000 },
    { E: 20, R: 300 },
  ],
  construction: [
    { R: 80000, A: 80000 },
    { R: 6000, A: 5000 },
    { R: 300, A: 300 },
  ],
  wholesale: [
    { E: 200, R: 40000 },
    { E: 20, R: 5000 },
    { E: 5, R: 1000 },
  ],
  retail: [
    { E: 300, R: 20000 },
    { E: 50, R: 500 },
    { E: 10, R: 100 },
  ],
  transport: [
    { E: 1000, R: 30000 },
    { E: 300, R: 3000 },
    { E: 20, R: 200 },
  ],
  warehousing: [
    { E: 200, R: 30000 },
    { E: 100, R: 1000 },
    { E: 20, R: 100 },
  ],
  postal: [
    { E: 1000, R: 30000 },
    { E: 300, R: 2000 },
    { E: 20, R: 100 },
  ],
  accommodation: [
    { E: 300, R: 10000 },
    { E: 100, R: 2000 },
    { E: 10, R: 100 },
  ],
  catering: [
    { E: 300, R: 10000 },
    { E: 100, R: 2000 },
    { E: 10, R: 100 },
  ],
  information_transmission: [
    { E: 2000, R: 100000 },
    { E: 100, R: 1000 },
    { E: 10, R: 100 },
  ],
  software_it: [
    { E: 300, R: 10000 },
    { E: 100, R: 1000 },
    { E: 10, R: 50 },
  ],
  real_estate: [
    { R: 200000, A: 10000 },
    { R: 1000, A: 5000 },
    { R: 100, A: 2000 },
  ],
  property_management: [
    { E: 1000, R: 5000 },
    { E: 300, R: 1000 },
    { E: 100, R: 500 },
  ],
  leasing_business: [
    { E: 300, A: 120000 },
    { E: 100, A: 8000 },
    { E: 10, A: 100 },
  ],
  other: [{ E: 300 }, { E: 100 }, { E: 10 }],
};

const METRIC: Record<'E' | 'R' | 'A', Metric> = { E: 'employees', R: 'revenue', A: 'assets' };
const figures = (b: B): Figures => Object.fromEntries(Object.entries(b).map(([k, v]) => [METRIC[k as 'E'], v]));
/** Just below a bound: one person, or 0.01 万元 (100 元). */
const below = (k: string, v: number) => (k === 'E' ? v - 1 : v - 0.01);
const size = (industry: IndustryKey, b: B) => {
  const r = classify(industry, figures(b));
  if (!r.ok) throw new Error(`unexpected missing ${r.missing.join()}`);
  return r.size;
};

describe('《中小企业划型标准规定》classification', () => {
  it('covers all 16 industries', () => {
    expect(Object.keys(NOTICE).sort()).toEqual([...INDUSTRY_KEYS].sort());
  });

  describe.each(INDUSTRY_KEYS)('%s', (industry) => {
    const [sme, medium, small] = NOTICE[industry];
    // Every figure the row uses, at the large threshold: an enterprise that is large on every part.
    const atLarge: B = { ...medium, ...small, ...sme };

    it('is large exactly at every SME threshold ("X以下" means strictly less)', () => {
      expect(size(industry, atLarge)).toBe('large');
    });

    it.each(Object.keys(sme))('is an SME one unit below the %s threshold (either part suffices)', (k) => {
      const b = { ...atLarge, [k]: below(k, sme[k as 'E']!) };
      expect(size(industry, b)).not.toBe('large');
    });

    it('is medium exactly at both medium lower bounds, and not one unit below either', () => {
      const base: B = { ...small, ...medium };
      expect(size(industry, base)).toBe('medium');
      for (const k of Object.keys(medium)) {
        expect(size(industry, { ...base, [k]: below(k, medium[k as 'E']!) })).not.toBe('medium');
      }
    });

    it('is small exactly at both small lower bounds, micro one unit below either', () => {
      expect(size(industry, small)).toBe('small');
      for (const k of Object.keys(small)) {
        expect(size(industry, { ...small, [k]: below(k, small[k as 'E']!) })).toBe('micro');
      }
    });

    it('refuses to guess when a figure the row needs is missing', () => {
      for (const k of Object.keys(atLarge)) {
        const partial = { ...atLarge };
        delete partial[k as 'E'];
        const r = classify(industry, figures(partial));
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.missing).toEqual([METRIC[k as 'E']]);
          expect(r.messages[METRIC[k as 'E']]).toMatch(/需要/);
        }
      }
    });
  });

  it('explains the rule in Chinese', () => {
    const r = classify('industry', { employees: 50, revenue: 500 });
    expect(r).toMatchObject({ ok: true, size: 'small', isSme: true });
    if (r.ok) expect(r.rule).toContain('小型企业');
  });

  it('ignores figures the row does not use', () => {
    expect(classify('agriculture', { revenue: 100, employees: 100000 })).toMatchObject({ ok: true, size: 'small' });
  });
});
