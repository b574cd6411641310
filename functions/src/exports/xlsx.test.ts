/** The hand-written .xlsx opens in a real spreadsheet library (exceljs) with its title, header, cells and layout. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from '@jest/globals';
import { sheetXlsx } from './xlsx';

async function open(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('sheetXlsx', () => {
  it('writes a title merged over the columns, a bold header and typed cells that read back', async () => {
    const cols = [
      { header: '序号', key: 'n', width: 6 },
      { header: '企业', key: 'org', width: 30 },
      { header: '说明', key: 'note', width: 40 },
    ];
    const buf = sheetXlsx('揭榜名单', '2026年度 揭榜名单', cols, [
      { n: 1, org: '深圳精测科技有限公司', note: 'a < b & "c" > d' },
      { n: 2, org: '控制\u0001字符\u0008', note: '' },
    ]);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = await open(buf);
    const ws = wb.getWorksheet('揭榜名单')!;
    expect(ws.getCell('A1').value).toBe('2026年度 揭榜名单');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.size).toBe(14);
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('B2').value).toBe('企业');
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect(ws.getCell('A3').value).toBe(1); // a number, not the text "1"
    expect(ws.getCell('C3').value).toBe('a < b & "c" > d');
    expect(ws.getCell('B4').value).toBe('控制字符');
    expect(ws.getCell('C4').value).toBeNull();
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.rowCount).toBe(4);
    expect(wb.creator).toBe('揭榜通');
  });

  it('names columns past Z as spreadsheets do (AA, AB, …)', async () => {
    const cols = Array.from({ length: 28 }, (_, i) => ({ header: `列${i + 1}`, key: `k${i}`, width: 8 }));
    const ws = (await open(sheetXlsx('s', 't', cols, [{ k27: 'last' }]))).worksheets[0]!;
    expect(ws.getCell('AB2').value).toBe('列28');
    expect(ws.getCell('AB3').value).toBe('last');
    expect(ws.getCell('AB1').isMerged).toBe(true);
  });

  it('gives the same bytes for the same data (the exports answer with a strong ETag)', async () => {
    const cols = [{ header: '企业', key: 'org', width: 30 }];
    const build = () => sheetXlsx('名单', '标题', cols, [{ org: '深圳精测科技有限公司' }]);
    const first = build();
    await new Promise((r) => setTimeout(r, 2100)); // zip times have a resolution of 2 s
    expect(build().equals(first)).toBe(true);
  });
});
