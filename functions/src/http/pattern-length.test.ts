import { describe, expect, it } from '@jest/globals';
import { patternMaxLength } from './pattern-length';

describe('patternMaxLength', () => {
  it.each([
    ['^\\d{6}$', 6],
    ['^[0-9A-Z]{12}$', 12],
    ['^\\d{4}-(0[1-9]|1[0-2])$', 7],
    ['^org\\/[0-9A-Z]{26}\\/[0-9A-Z]{26}\\.pdf$', 4 + 26 + 1 + 26 + 4],
    ['^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?)$', 1 + 3 + 1 + 8 + 7],
    ['^(?:a|bc)?d$', 3],
    ['^[\\]a]{2}$', 2],
  ])('%s → %i', (pattern, max) => {
    expect(patternMaxLength(pattern)).toBe(max);
  });

  it.each([
    ['^[A-Z][A-Z0-9_]*$'],
    ['^[A-Za-z0-9_-]+$'],
    ['^\\d{2,}$'],
    ['\\d{6}'],
    ['^\\d{6}'],
    ['^(?=a)a$'],
    ['^(a)\\1$'],
    ['^\\d{2}:\\d{2}(\\.\\d+)?$'],
    ['^a|b+$'],
    ['^a|bcd$'],
  ])('%s is unbounded or not read', (pattern) => {
    expect(patternMaxLength(pattern)).toBeUndefined();
  });

  it('reads the date pattern zod writes for z.iso.date()', async () => {
    const z = await import('zod');
    const json = z.toJSONSchema(z.iso.date()) as { pattern: string };
    expect(patternMaxLength(json.pattern)).toBe(10);
  });
});
