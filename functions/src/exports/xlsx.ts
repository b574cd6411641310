/**
 * A one-sheet .xlsx (Office Open XML SpreadsheetML) written directly: a title row merged across the columns, a
 * bold header row, then the data; strings inline, numbers as numbers, column widths. The package is a zip of six
 * small XML parts (`fflate`, ≈ 10 KB bundled), where a general spreadsheet library (exceljs) weighed ≈ 1 MB in
 * each export function. The exports are read back with exceljs in the tests.
 */
import { strToU8, zipSync } from 'fflate';

export interface SheetColumn {
  header: string;
  key: string;
  /** Width in characters. */
  width: number;
}

/** XML text: escaped, and without the control characters XML 1.0 cannot carry (Excel refuses such files). */
const xml = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
const col = (i: number): string => (i < 26 ? '' : col(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));

function cell(ref: string, value: unknown, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xml(String(value))}</t></is></c>`;
}

const ZIP_MTIME = new Date(2026, 0, 1);

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org';

/** Styles: 0 default, 1 title (bold 14 pt), 2 header (bold), 3 text (format "@": Excel keeps what is typed). */
const STYLES = `${HEAD}<styleSheet xmlns="${NS}/spreadsheetml/2006/main"><fonts count="3"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="14"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** One worksheet of a workbook. */
export interface Sheet {
  name: string;
  /** A first row merged across the columns, bold (none: the header row is the first). */
  title?: string;
  columns: (SheetColumn & { /** Formatted as text ("@"), also the cells typed later. */ text?: boolean })[];
  rows: Record<string, unknown>[];
}

function worksheetXml({ title, columns, rows }: Sheet): string {
  const last = col(columns.length - 1);
  const top = title === undefined ? 0 : 1;
  const styleOf = (i: number) => (columns[i]!.text ? 3 : 0);
  const lines = [
    ...(title === undefined ? [] : [`<row r="1">${cell('A1', title, 1)}</row>`]),
    `<row r="${top + 1}">${columns.map((c, i) => cell(`${col(i)}${top + 1}`, c.header, 2)).join('')}</row>`,
    ...rows.map(
      (r, n) =>
        `<row r="${n + top + 2}">${columns.map((c, i) => cell(`${col(i)}${n + top + 2}`, r[c.key], styleOf(i))).join('')}</row>`,
    ),
  ];
  const cols = columns
    .map(
      (c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${c.text ? ' style="3"' : ''} customWidth="1"/>`,
    )
    .join('');
  const merge = title === undefined ? '' : `<mergeCells count="1"><mergeCell ref="A1:${last}1"/></mergeCells>`;
  return `${HEAD}<worksheet xmlns="${NS}/spreadsheetml/2006/main"><dimension ref="A1:${last}${rows.length + top + 1}"/><cols>${cols}</cols><sheetData>${lines.join('')}</sheetData>${merge}</worksheet>`;
}

/** An .xlsx of the given sheets, in order (the first opens; an importer reads the first). */
export function workbookXlsx(sheets: Sheet[], docTitle: string): Buffer {
  const each = <T>(f: (s: Sheet, n: number) => T) => sheets.map((s, i) => f(s, i + 1));
  const files: Record<string, string> = {
    '[Content_Types].xml': `${HEAD}<Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${each((_, n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    '_rels/.rels': `${HEAD}<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${NS}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    'docProps/core.xml': `${HEAD}<cp:coreProperties xmlns:cp="${NS}/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>揭榜通</dc:creator><dc:title>${xml(docTitle)}</dc:title></cp:coreProperties>`,
    'xl/workbook.xml': `${HEAD}<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets>${each((s, n) => `<sheet name="${xml(s.name.slice(0, 31))}" sheetId="${n}" r:id="rId${n}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="${NS}/package/2006/relationships">${each((_, n) => `<Relationship Id="rId${n}" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${NS}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
    ...Object.fromEntries(each((s, n) => [`xl/worksheets/sheet${n}.xml`, worksheetXml(s)])),
  };
  // A fixed modification time: the same data gives the same bytes, as the exports' strong ETag promises.
  return Buffer.from(
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { mtime: ZIP_MTIME }),
  );
}

/** The .xlsx file of one sheet: `title` (merged, bold), the column headers (bold), then one row per record. */
export function sheetXlsx(sheet: string, title: string, columns: SheetColumn[], rows: Record<string, unknown>[]) {
  return workbookXlsx([{ name: sheet, title, columns, rows }], title);
}
