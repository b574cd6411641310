import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../../../test/support/expect-with';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  creditCodeProblem,
  divisionMatchesRegion,
  isValidCreditCode,
  organisationCodeValid,
} from './credit-code';

// Published codes of well-known enterprises (public registration records).
const REAL = [
  '914403001922038216', // 华为技术有限公司
  '91330100799655058B', // 阿里巴巴（中国）有限公司
  '91110108551385082Q', // 小米科技有限责任公司
  '91110000710926094P', // 中国石油化工股份有限公司
  '9144030071526726XG', // 腾讯科技（深圳）有限公司
];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(REAL)('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('refuses every single-character corruption of every real code', () => {
    let tried = 0;
    for (const code of REAL) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of CREDIT_CODE_ALPHABET) {
          if (c === code[pos]) continue;
          const bad = code.slice(0, pos) + c + code.slice(pos + 1);
          tried++;
          expectWith(isValidCreditCode(bad), bad).toBe(false);
        }
      }
    }
    expect(tried).toBe(REAL.length * 18 * 30);
  });

  it('refuses swaps of two adjacent different characters', () => {
    const code = REAL[0]!;
    for (let i = 0; i < 17; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expectWith(isValidCreditCode(swapped), swapped).toBe(false);
    }
  });

  it('tells length, charset and check problems apart', () => {
    expect(creditCodeProblem('91440300192203821')).toBe('length');
    expect(creditCodeProblem('9144030019220382160')).toBe('length');
    expect(creditCodeProblem('91440300192203821I')).toBe('charset'); // I is not in the alphabet
    expect(creditCodeProblem('9144030019220382O6')).toBe('charset'); // O neither
    expect(creditCodeProblem('91440300192203821s')).toBe('charset'); // lower case is not normalised here
    expect(creditCodeProblem('914403001922038217')).toBe('check');
  });

  it('maps a remainder of 0 to check character 0 (31 → 0)', () => {
    // Find a 17-character prefix whose weighted sum is a multiple of 31.
    const prefix = '9144030019220382';
    const hit = [...CREDIT_CODE_ALPHABET].map((c) => prefix + c).find((p) => creditCodeCheckChar(p) === '0');
    expect(hit).toBeDefined();
    expect(isValidCreditCode(`${hit}0`)).toBe(true);
  });

  it('has no I, O, Z, S, V in the alphabet', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    for (const c of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(c);
  });
});

describe('GB 11714 organisation code (positions 9–17) and division consistency', () => {
  it.each(REAL)('accepts the organisation code inside %s', (code) => {
    expect(organisationCodeValid(code)).toBe(true);
  });

  it('refuses a corrupted organisation check character', () => {
    const bad = '914403001922038226'; // position 17 changed from 1 to 2
    expect(organisationCodeValid(bad)).toBe(false);
  });

  it('matches a district address against a city-level registrar, not another province', () => {
    expect(divisionMatchesRegion('914403001922038216', '440305')).toBe(true);
    expect(divisionMatchesRegion('914403001922038216', '440105')).toBe(false);
    expect(divisionMatchesRegion('91110108551385082Q', '110108')).toBe(true);
    expect(divisionMatchesRegion('91110108551385082Q', '110105')).toBe(false);
    expect(divisionMatchesRegion('91110000710926094P', '110101')).toBe(true);
  });
});
