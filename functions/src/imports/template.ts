/**
 * The supplier import's template (.xlsx), generated from the columns the importer parses with
 * (AFFILIATE_IMPORT_COLUMNS): the first sheet carries their header row and one example row (the code column
 * formatted as text, so Excel keeps 18-character codes as typed), a 说明 sheet states each column's rule and the
 * file's. The integration test imports it unchanged.
 */
import { AFFILIATE_IMPORT_COLUMNS, AFFILIATE_IMPORT_RULES } from '@jiebang/shared';
import { workbookXlsx } from '../exports/xlsx';

export const AFFILIATE_TEMPLATE_NAME = '关联企业名单导入模板.xlsx';

export function affiliateTemplateXlsx(): Buffer {
  const columns = AFFILIATE_IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    text: c.key === 'code',
  }));
  const example = Object.fromEntries(AFFILIATE_IMPORT_COLUMNS.map((c) => [c.key, c.example]));
  const rules = [
    ...AFFILIATE_IMPORT_COLUMNS.map((c) => ({ item: c.header, rule: c.rule })),
    ...AFFILIATE_IMPORT_RULES.map((rule, i) => ({ item: `整份文件 ${i + 1}`, rule })),
  ];
  return workbookXlsx(
    [
      { name: '供应商名单', columns, rows: [example] },
      {
        name: '说明',
        title: '关联企业（供应商）名单填写说明',
        columns: [
          { header: '项目', key: 'item', width: 18 },
          { header: '填写要求', key: 'rule', width: 100 },
        ],
        rows: rules,
      },
    ],
    '关联企业（供应商）名单导入模板',
  );
}
