import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { readFirstSheet, UnreadableSheet } from './xlsx-read';
import { sheetXlsx } from '../exports/xlsx';

async function workbook(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('名单'), wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readFirstSheet', () => {
  it('reads shared strings, rich text, numbers, gaps and the sheet’s row numbers (as Excel writes them)', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('A1').value = '统一社会信用代码';
      ws.getCell('B1').value = '企业名称 & <其他>';
      ws.getCell('A3').value = '91110105000000001X';
      ws.getCell('C3').value = { richText: [{ text: '供' }, { font: { bold: true }, text: '应商' }] };
      ws.getCell('A4').value = 911101050000000000;
      ws.getCell('B4').value = true;
    });
    expect(readFirstSheet(bytes)).toEqual([
      {
        row: 1,
        cells: [
          { text: '统一社会信用代码', numeric: false },
          { text: '企业名称 & <其他>', numeric: false },
        ],
      },
      {
        row: 3,
        cells: [
          { text: '91110105000000001X', numeric: false },
          { text: '', numeric: false },
          { text: '供应商', numeric: false },
        ],
      },
      {
        row: 4,
        cells: [
          { text: '911101050000000000', numeric: true },
          { text: 'TRUE', numeric: false },
        ],
      },
    ]);
  });

  it('reads the first sheet of several, and the inline strings of our own exports', async () => {
    const bytes = await workbook((ws, wb) => {
      ws.getCell('A1').value = '第一张';
      wb.addWorksheet('第二张').getCell('A1').value = '不读';
    });
    expect(readFirstSheet(bytes)).toEqual([{ row: 1, cells: [{ text: '第一张', numeric: false }] }]);
    const ours = sheetXlsx('s', '标题', [{ header: '统一社会信用代码', key: 'c', width: 20 }], [{ c: 'ABC' }]);
    expect(readFirstSheet(ours).map((r) => r.cells[0]!.text)).toEqual(['标题', '统一社会信用代码', 'ABC']);
  });

  it('refuses what is not an .xlsx', () => {
    expect(() => readFirstSheet(strToU8('%PDF-1.7 not a sheet'))).toThrow(UnreadableSheet);
    expect(() => readFirstSheet(zipSync({ 'a.txt': strToU8('x') }))).toThrow(UnreadableSheet);
  });
});
