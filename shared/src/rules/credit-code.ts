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
