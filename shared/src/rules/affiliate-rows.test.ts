import { describe, expect, it } from '@jest/globals';
import {
  AFFILIATE_IMPORT_COLUMNS,
  AFFILIATE_IMPORT_RULES,
  checkAffiliateRows,
  MAX_IMPORT_ROWS,
  type RowInput,
} from './affiliate-rows';
import { creditCodeCheckChar } from './credit-code';

const code = (n: number) => {
  const first17 = `91110105${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const OWN = code(999_999);
const row = (n: number, ...texts: (string | { text: string; numeric: boolean })[]): RowInput => ({
  row: n,
  cells: texts.map((t) => (typeof t === 'string' ? { text: t, numeric: false } : t)),
});
const header = row(1, '统一社会信用代码', '企业名称', '关联关系');

describe('checkAffiliateRows', () => {
  it('takes valid rows: relation labels, empty = 供应商, full-width and lower-case codes normalised', () => {
    const fullWidth = code(3).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const v = checkAffiliateRows(
      [
        header,
        row(2, code(1), '甲公司', '子公司'),
        row(3, ` ${code(2).toLowerCase()} `, '乙公司', ''),
        row(4, fullWidth, '丙公司', '控股'),
        row(5, code(4), '丁公司', '其他'),
      ],
      OWN,
    );
    expect(v).toEqual({
      ok: true,
      affiliates: [
        { creditCode: code(1), name: '甲公司', relation: 'subsidiary' },
        { creditCode: code(2), name: '乙公司', relation: 'supplier' },
        { creditCode: code(3), name: '丙公司', relation: 'holding' },
        { creditCode: code(4), name: '丁公司', relation: 'other' },
      ],
    });
  });

  it('finds the header below a title row and its columns in any order; row numbers are the sheet’s', () => {
    const v = checkAffiliateRows(
      [
        row(1, '某集团供应商名单'),
        row(2, '关联关系', '企业名称*', '统一社会信用代码*'),
        row(5, '供应商', '甲', code(1)),
      ],
      OWN,
    );
    expect(v).toEqual({ ok: true, affiliates: [{ creditCode: code(1), name: '甲', relation: 'supplier' }] });
  });

  it('refuses every bad row with its number and reasons, and keeps nothing', () => {
    const bad = code(5).slice(0, 17) + (code(5)[17] === '0' ? '1' : '0');
    const v = checkAffiliateRows(
      [
        header,
        row(2, code(1), '甲公司', '供应商'),
        row(3, bad, '乙公司', '供应商'),
        row(4, code(1), '重复公司', '供应商'),
        row(5, '12345', '', '朋友'),
        row(6, { text: '9.11101E+17', numeric: true }, '数字公司', ''),
        row(7, OWN, '本企业', ''),
        row(8, '', '无代码公司', ''),
        row(9, 'I1110105000000001X', 'x'.repeat(101), ''),
      ],
      OWN,
    );
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems).toEqual([
      { row: 3, reasons: ['统一社会信用代码校验位不正确，请核对后重新输入'] },
      { row: 4, reasons: ['与第 2 行的统一社会信用代码重复'] },
      {
        row: 5,
        reasons: [
          '统一社会信用代码应为18位',
          '缺少企业名称',
          '关联关系应为“子公司”“控股”“供应商”或“其他”（不填视为供应商）',
        ],
      },
      { row: 6, reasons: [expect.stringContaining('“文本”格式')] },
      { row: 7, reasons: ['不能填写本企业的统一社会信用代码'] },
      { row: 8, reasons: ['缺少统一社会信用代码'] },
      { row: 9, reasons: [expect.stringContaining('不含 I、O、Z、S、V'), '企业名称不能超过 100 个字'] },
    ]);
    expect(v.message).toBe('文件中有 7 行有误，名单未作任何更改：第 3、4、5、6、7、8、9 行。请修改后重新导入');
  });

  it('names the first ten rows in its message and says there are more', () => {
    const rows = [header, ...Array.from({ length: 12 }, (_, i) => row(i + 2, 'X', '甲', ''))];
    const v = checkAffiliateRows(rows, OWN);
    expect(!v.ok && v.problems.length).toBe(12);
    expect(!v.ok && v.message).toContain('第 2、3、4、5、6、7、8、9、10、11 行 等');
  });

  it('refuses a file without the header, without data, or over the limit', () => {
    expect(checkAffiliateRows([row(1, '代码', '名称')], OWN)).toMatchObject({ ok: false, problems: [] });
    expect(checkAffiliateRows([header], OWN)).toMatchObject({
      ok: false,
      message: expect.stringContaining('没有供应商数据'),
    });
    const many = [header, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => row(i + 2, code(i), '甲', ''))];
    expect(checkAffiliateRows(many, OWN)).toMatchObject({
      ok: false,
      message: expect.stringContaining('一次最多导入'),
    });
    // The limit itself is taken.
    expect(checkAffiliateRows(many.slice(0, -1), OWN).ok).toBe(true);
  });
});

describe('the template’s columns (AFFILIATE_IMPORT_COLUMNS)', () => {
  it('are the header the importer finds, and their example row is accepted', () => {
    const rows: RowInput[] = [
      { row: 1, cells: AFFILIATE_IMPORT_COLUMNS.map((c) => ({ text: c.header, numeric: false })) },
      { row: 2, cells: AFFILIATE_IMPORT_COLUMNS.map((c) => ({ text: c.example, numeric: false })) },
    ];
    expect(checkAffiliateRows(rows, '')).toEqual({
      ok: true,
      affiliates: [{ creditCode: '91440300000000000E', name: '示例精密机械有限公司', relation: 'supplier' }],
    });
    expect(AFFILIATE_IMPORT_RULES.join('')).toContain(`一次最多导入 ${MAX_IMPORT_ROWS} 家，文件不超过 5 MB`);
  });
});
