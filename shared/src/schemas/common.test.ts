import { describe, expect, it } from '@jest/globals';
import {
  classifyInputSchema,
  creditCodeCheckChar,
  demandInputSchema,
  dynamoNumberProblem,
  freeText,
  normalizeText,
  orgInputSchema,
  scoreInputSchema,
  textField,
  textProblem,
} from '../index';

/** The messages of a failed parse, by path ("revenue", "team.leader.name"). */
function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string> = {};
  for (const i of result.error?.issues ?? []) out[i.path.join('.')] ??= i.message;
  return out;
}

describe('numbers DynamoDB can store', () => {
  it('accepts zero and magnitudes from 1E-130 to 9.99…E+125', () => {
    for (const ok of [0, -0, 1, -1, 1e-130, -1e-130, 9.99999999999999e125, -9.99999999999999e125, 123.456]) {
      expect(dynamoNumberProblem(ok)).toBeNull();
    }
    expect(dynamoNumberProblem('1E-130')).toBeNull();
    expect(dynamoNumberProblem('9.9999999999999999999999999999999999999E+125')).toBeNull();
  });

  it('refuses magnitudes below 1E-130 and from 1E+126', () => {
    expect(dynamoNumberProblem(1e-131)).toBe('too_small');
    expect(dynamoNumberProblem(-1e-200)).toBe('too_small');
    expect(dynamoNumberProblem(Number.MIN_VALUE)).toBe('too_small');
    expect(dynamoNumberProblem(1e-30 * 1e-101)).toBe('too_small');
    expect(dynamoNumberProblem(1e126)).toBe('too_large');
    expect(dynamoNumberProblem(-1e200)).toBe('too_large');
    expect(dynamoNumberProblem(Number.MAX_VALUE)).toBe('too_large');
  });

  it('counts significant digits: 38 stored, 39 refused (leading and trailing zeros do not count)', () => {
    const d38 = '1234567890123456789012345678901234567.8';
    expect(dynamoNumberProblem(d38)).toBeNull();
    expect(dynamoNumberProblem(`${d38}9`)).toBe('too_precise');
    expect(dynamoNumberProblem(`0.000${'9'.repeat(38)}000`)).toBeNull();
    expect(dynamoNumberProblem(`${'9'.repeat(38)}${'0'.repeat(80)}`)).toBeNull();
    expect(dynamoNumberProblem(`${'9'.repeat(39)}`)).toBe('too_precise');
  });

  it('refuses NaN and the infinities', () => {
    expect(dynamoNumberProblem(Number.NaN)).toBe('not_finite');
    expect(dynamoNumberProblem(Number.POSITIVE_INFINITY)).toBe('not_finite');
    expect(dynamoNumberProblem(Number.NEGATIVE_INFINITY)).toBe('not_finite');
  });

  it('is applied to the number fields of the schemas, with the field named in Chinese', () => {
    const body = '91440305MA5DC6QX9';
    const org = {
      kind: 'sme',
      name: '深圳精测科技有限公司',
      creditCode: body + creditCodeCheckChar(body),
      region: '440305',
      industry: 'industry',
      contact: { name: '陈立新', phone: '13800138000' },
    };
    const r = orgInputSchema.safeParse({ ...org, revenue: 1e-200, assets: 1e-131 });
    expect(r.success).toBe(false);
    const m = messages(r);
    expect(m.revenue).toContain('营业收入过小');
    expect(m.assets).toContain('资产总额过小');
    expect(messages(classifyInputSchema.safeParse({ industry: 'industry', revenue: 1e-131 })).revenue).toContain(
      '1E-130',
    );
    // Limits of the business stay as they were.
    expect(messages(orgInputSchema.safeParse({ ...org, revenue: 2e9 })).revenue).toBe('营业收入过大');
    expect(orgInputSchema.safeParse({ ...org, revenue: 1e-130, employees: 0 }).success).toBe(true);
    expect(messages(scoreInputSchema.safeParse({ team: Number.NaN, capability: 1, plan: 1, match: 1 })).team).toBe(
      '团队水平评分应为 0–100 的整数',
    );
  });
});

describe('free text', () => {
  it('normalises to NFC and trims spaces and zero-width characters at both ends', () => {
    expect(normalizeText('\u200B\u200C\u200D 标题 \u2060\uFEFF')).toBe('标题');
    expect(normalizeText('Cafe\u0301')).toBe('Café');
    expect(normalizeText('a\u200Db')).toBe('a\u200Db'); // inside text (emoji sequences) it stays
    expect(freeText().parse('\u3000 e\u0301 \u200B')).toBe('é');
  });

  it('refuses text of only invisible characters', () => {
    for (const s of ['\u200B', '\u200B\u200C\u200D', ' \u2060 ', '\uFEFF\u200B', '\u3164', '\u00AD']) {
      expect(textProblem(s)).toBe('invisible');
    }
    expect(textProblem('')).toBeNull();
    expect(textProblem('   ')).toBeNull(); // plain spaces: the field's own "required" message says it
    const r = textField('需求名称', 100, 5).safeParse('\u200B\u200B\u200B\u200B\u200B\u200B');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('需求名称不能只包含不可见字符');
  });

  it('refuses bidi controls and other control characters, keeps tabs and line breaks', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`invoice${c}fdp.exe`)).toBe('control');
    }
    for (const c of ['\u200E', '\u200F', '\u061C', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085']) {
      expect(textProblem(`a${c}b`)).toBe('control');
    }
    expect(textProblem('第一行\n第二行\r\n\t缩进')).toBeNull();
    expect(textField('企业名称', 100).safeParse('华夏\u202E重工').error?.issues[0]?.message).toBe(
      '企业名称包含不允许的控制字符',
    );
  });

  it('refuses unpaired surrogates and keeps paired ones', () => {
    expect(textProblem('a\uD800b')).toBe('surrogate');
    expect(textProblem('a\uDC00')).toBe('surrogate');
    expect(textProblem('\uD83D')).toBe('surrogate');
    expect(textProblem('\uDE00\uD83D')).toBe('surrogate');
    expect(textProblem('好 😀 𠀀')).toBeNull();
  });

  it('is applied to the free-text fields of the schemas', () => {
    const r = demandInputSchema.safeParse({
      title: '\u200B\u200C\u200D\u2060\uFEFF\u200B',
      background: '背景\u202E',
      difficulties: '难点 \uD800',
      indicators: [{ name: '\u200B', target: '精度' }],
    });
    const m = messages(r);
    expect(m.title).toBe('需求名称不能只包含不可见字符');
    expect(m.background).toBe('需求背景及现状包含不允许的控制字符');
    expect(m.difficulties).toBe('关键技术难点包含无效的字符编码');
    expect(m['indicators.0.name']).toBe('指标名称不能只包含不可见字符');
    const org = orgInputSchema.safeParse({ name: '\u200B\u200B' });
    expect(messages(org).name).toBe('企业名称不能只包含不可见字符');
  });
});
