/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-symbol alphabet (no I, O, Z, S, V);
 * position 18 is a check character over positions 1–17.
 */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** The check character for the first 17 characters of a code, or null when they contain a foreign symbol. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check]!;
}

export type CreditCodeProblem = 'length' | 'charset' | 'check';

/** Why a code is invalid, or null when it is valid. Input must already be upper-cased and trimmed. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'charset';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}

export const isValidCreditCode = (code: string): boolean => creditCodeProblem(code) === null;

/** Chinese explanation of a credit-code problem, for field messages. */
export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）',
  check: '统一社会信用代码校验位不正确，请核对后重新输入',
};

/** Administrative division code embedded in positions 3–8. */
export const divisionOfCreditCode = (code: string): string => code.slice(2, 8);

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * GB 11714 check of the organisation code in positions 9–17 (eight body characters and a check character,
 * `X` standing for 10). Kept apart from `creditCodeProblem`: a code can pass GB 32100 and still carry an
 * organisation code that fails GB 11714 (typing errors that the 31-modulus check misses are rare but real), and
 * some registrars assigned codes before the rule was enforced, so callers treat a failure as a warning.
 */
export function organisationCodeValid(code: string): boolean {
  const body = code.slice(8, 16);
  const check = code[16];
  if (body.length !== 8 || check === undefined) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    const v = /\d/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : NaN;
    if (Number.isNaN(v)) return false;
    sum += v * ORG_CODE_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  const expected = r === 10 ? 'X' : r === 11 ? '0' : String(r);
  return check === expected;
}

/**
 * True when the division part of a credit code (positions 3–8) is consistent with a declared six-digit region:
 * the registrar may sit at a higher level than the address (a city-level 市场监管局 issues 440300… for a company
 * in 440305), so only the division's significant prefix has to match. A national registrar (10xxxx) matches
 * every region.
 */
export function divisionMatchesRegion(code: string, region: string): boolean {
  const division = divisionOfCreditCode(code);
  if (division.startsWith('10')) return true;
  let prefix = division;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return region.startsWith(prefix);
}

// --- 科技成果赋智 (library area, issue 15) ---

/**
 * The first character of a credit code is the registering authority's category (GB 32100-2015 附录 A): `1` 机构编制
 * (public institutions: public universities, 科研院所), `5` 民政 (social organisations: 民办高校, 民办非企业单位,
 * 社会团体), `9` 工商 (enterprises). An institution registers with a `1` or `5` code; a service body (技术转移机构,
 * 知识产权, 金融, 检验检测…) is as often a company, so it may also hold a `9` code.
 */
export const CREDIT_CODE_CATEGORIES: Record<'university' | 'institute' | 'service', readonly string[]> = {
  university: ['1', '5'],
  institute: ['1', '5'],
  service: ['1', '5', '9'],
};

/** Why a (valid) credit code cannot belong to an institution of this kind, or null when it can. */
export function institutionCodeProblem(kind: 'university' | 'institute' | 'service', code: string): string | null {
  const allowed = CREDIT_CODE_CATEGORIES[kind];
  if (allowed.includes(code[0] ?? '')) return null;
  return kind === 'service'
    ? '服务机构的统一社会信用代码应以 1（事业单位）、5（社会组织）或 9（企业）开头，请核对'
    : '高校、科研院所的统一社会信用代码应以 1（事业单位）或 5（社会组织）开头，请核对';
}
