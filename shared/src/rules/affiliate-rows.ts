/**
 * The rows of an imported affiliate (supplier) list, checked one by one (issue 16, item 7): the header row is
 * found by its 统一社会信用代码 column; every row below it must carry a valid code (with its check character), a
 * name, a known relation (empty = 供应商), no code twice and not the issuer's own. The answer is either the whole
 * list or every refused row with its number in the sheet and its reasons — never part of the list.
 */
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from './credit-code';

export type AffiliateRelation = 'subsidiary' | 'holding' | 'supplier' | 'other';

export interface ImportedAffiliate {
  creditCode: string;
  name: string;
  relation: AffiliateRelation;
}

/** A row of the sheet: its number as the spreadsheet shows it, and its cells' texts (`numeric`: stored as a number). */
export interface RowInput {
  row: number;
  cells: { text: string; numeric: boolean }[];
}

export interface RowProblem {
  row: number;
  reasons: string[];
}

/**
 * The columns of the import, in the template's order: what the template writes (header, width, example, the rule
 * its 说明 sheet states) and what the importer recognises as that column's header (`matches`, on the header text
 * without spaces and asterisks). The template (GET …/affiliates/template) is generated from this table and the
 * importer parses with it: one definition, tested to round-trip.
 */
export const AFFILIATE_IMPORT_COLUMNS = [
  {
    key: 'code',
    header: '统一社会信用代码',
    width: 24,
    example: '91440300000000000E',
    rule: '必填。18 位，含末位校验码（GB 32100）；本列请设为“文本”格式，以免 Excel 将代码存为数字；同一代码只能出现一次，不能填写本企业的代码',
    matches: (t: string) => t.includes('统一社会信用代码') || t === '信用代码',
  },
  {
    key: 'name',
    header: '企业名称',
    width: 36,
    example: '示例精密机械有限公司',
    rule: '必填。与营业执照一致，不超过 100 个字',
    matches: (t: string) => /企业名称|单位名称|名称/.test(t),
  },
  {
    key: 'relation',
    header: '关联关系',
    width: 12,
    example: '供应商',
    rule: '填写“子公司”“控股”“供应商”或“其他”之一（也可写“控股股东”“母公司”）；不填视为供应商',
    matches: (t: string) => t.includes('关联关系') || t === '关系',
  },
] as const;

/** The header row a list carries (the columns are found by these words, in any order). */
export const AFFILIATE_IMPORT_HEADERS = AFFILIATE_IMPORT_COLUMNS.map((c) => c.header);

/** Relation labels a row may use. */
export const AFFILIATE_RELATION_LABELS: Record<AffiliateRelation, string> = {
  subsidiary: '子公司',
  holding: '控股',
  supplier: '供应商',
  other: '其他',
};
const RELATION_BY_LABEL = new Map<string, AffiliateRelation>([
  ...Object.entries(AFFILIATE_RELATION_LABELS).map(([k, v]) => [v, k as AffiliateRelation] as const),
  ['控股股东', 'holding'],
  ['母公司', 'holding'],
  ['', 'supplier'],
]);

/**
 * Most rows one import may hold (a large group's suppliers; each row is one item of its list). 10,000: the import
 * is one synchronous request (the HTTP API's 29 s), and every item shares the issuer's partition, which real DynamoDB
 * writes at ≈ 1,000 a second — 20,000 rows took 46 s on DynamoDB Local under load.
 */
export const MAX_IMPORT_ROWS = 10_000;
/** Largest .xlsx an affiliate import takes (10,000 rows of code, name and relation stay far below). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The rules of a whole file, as the template's 说明 sheet states them (the checks below enforce each). */
export const AFFILIATE_IMPORT_RULES = [
  '第一张工作表为名单：第一行为表头“统一社会信用代码、企业名称、关联关系”（列的顺序可调整），其下每行一家企业。',
  '示例行仅作格式参考，导入前请删除或改为真实企业。',
  `一次最多导入 ${MAX_IMPORT_ROWS} 家，文件不超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，须为 Excel（.xlsx）格式；.xls 或 .csv 请先另存为 .xlsx。`,
  '导入将整体替换现有名单；任何一行有误则整份不导入，并列出有误的行号和原因，原名单保持不变。',
  '名单上的子公司、控股股东、供应商等不能揭榜本企业发布的需求。',
] as const;

/** Longest name (as the enterprise form). */
const MAX_NAME = 100;

export type RowsVerdict =
  { ok: true; affiliates: ImportedAffiliate[] } | { ok: false; problems: RowProblem[]; message: string };

/** Full-width letters and digits (as typed with a Chinese input method) to their ASCII forms; spaces removed. */
export const normaliseCode = (s: string) =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();

function headerColumns(rows: RowInput[]): { at: number; code: number; name: number; relation: number } | null {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const texts = rows[i]!.cells.map((c) => c.text.replace(/[\s\u3000*＊]/g, ''));
    const [code, name, relation] = AFFILIATE_IMPORT_COLUMNS.map((c) => texts.findIndex(c.matches));
    if (code! < 0) continue;
    return { at: i, code: code!, name: name!, relation: relation! };
  }
  return null;
}

/** Check every row; `ownCreditCode` is the importing enterprise's (it may not list itself). */
export function checkAffiliateRows(rows: RowInput[], ownCreditCode: string): RowsVerdict {
  const header = headerColumns(rows);
  if (!header) {
    return {
      ok: false,
      problems: [],
      message:
        '未找到表头“统一社会信用代码”：请在名单的第一行填写表头“统一社会信用代码、企业名称、关联关系”，其下每行一家',
    };
  }
  const body = rows.slice(header.at + 1);
  if (body.length === 0) return { ok: false, problems: [], message: '文件中没有供应商数据，请在表头下方逐行填写' };
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      problems: [],
      message: `一次最多导入 ${MAX_IMPORT_ROWS} 家，文件中有 ${body.length} 行，请分成多个名单`,
    };
  }
  const cell = (r: RowInput, i: number) => (i >= 0 ? (r.cells[i] ?? { text: '', numeric: false }) : undefined);
  const firstRowOf = new Map<string, number>();
  const problems: RowProblem[] = [];
  const affiliates: ImportedAffiliate[] = [];
  for (const r of body) {
    const reasons: string[] = [];
    const codeCell = cell(r, header.code)!;
    const code = normaliseCode(codeCell.text);
    const name = (cell(r, header.name)?.text ?? '').trim();
    const relationText = (cell(r, header.relation)?.text ?? '').trim();
    if (code === '') reasons.push('缺少统一社会信用代码');
    else if (codeCell.numeric)
      reasons.push('统一社会信用代码被存为数字（可能已丢失位数），请将该列设为“文本”格式后重新填写');
    else {
      const problem = creditCodeProblem(code);
      if (problem) reasons.push(CREDIT_CODE_MESSAGES[problem]);
      else if (code === ownCreditCode) reasons.push('不能填写本企业的统一社会信用代码');
      else if (firstRowOf.has(code)) reasons.push(`与第 ${firstRowOf.get(code)} 行的统一社会信用代码重复`);
      else firstRowOf.set(code, r.row);
    }
    if (name === '') reasons.push('缺少企业名称');
    else if (name.length > MAX_NAME) reasons.push(`企业名称不能超过 ${MAX_NAME} 个字`);
    const relation = RELATION_BY_LABEL.get(relationText);
    if (!relation) reasons.push('关联关系应为“子公司”“控股”“供应商”或“其他”（不填视为供应商）');
    if (reasons.length > 0) problems.push({ row: r.row, reasons });
    else affiliates.push({ creditCode: code, name, relation: relation! });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).map((p) => p.row);
    return {
      ok: false,
      problems,
      message:
        `文件中有 ${problems.length} 行有误，名单未作任何更改：第 ${shown.join('、')} 行` +
        (problems.length > shown.length ? ' 等' : '') +
        '。请修改后重新导入',
    };
  }
  return { ok: true, affiliates };
}
