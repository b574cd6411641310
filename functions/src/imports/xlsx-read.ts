/**
 * The first sheet of an .xlsx as rows of cell texts, read directly (`fflate` unzips; the few XML parts needed are
 * read with regular expressions over their fixed shapes): shared and inline strings, rich text, numbers, booleans.
 * The exports are written the same way (exports/xlsx.ts) — exceljs weighed ≈ 1 MB in each function; the tests
 * write the files read here with exceljs, as Excel and WPS do.
 */
import { strFromU8, unzipSync } from 'fflate';

/** One cell: its text as written, and whether the sheet stored it as a number (a credit code then lost digits). */
export interface SheetCell {
  text: string;
  numeric: boolean;
}

/** A row of the sheet by its number in the sheet (1-based, as Excel shows it) and its cells by column (0 = A). */
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}

export class UnreadableSheet extends Error {}

/** Most bytes the unzipped parts may take (a zip bomb is refused before it fills the memory). */
const MAX_UNZIPPED = 64 * 1024 * 1024;

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** The text of every `<t>` of a string item (rich text has several runs; phonetic runs `<rPh>` are left out). */
const textOf = (xml: string) =>
  [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
    .map((m) => decode(m[1]!))
    .join('');

/** Column index of an A1 reference: "A1" → 0, "AB12" → 27. */
const columnOf = (ref: string) => {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? '') n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

function firstSheetPath(files: Record<string, Uint8Array>): string {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!workbook) throw new UnreadableSheet('no workbook');
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(strFromU8(workbook))?.[1];
  if (rid && rels) {
    for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
      if (m[0].includes(`Id="${rid}"`)) {
        const target = /Target="([^"]+)"/.exec(m[0])?.[1] ?? '';
        return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      }
    }
  }
  return 'xl/worksheets/sheet1.xml';
}

/** The rows of the workbook's first sheet that hold anything; throws UnreadableSheet when it is no .xlsx. */
export function readFirstSheet(bytes: Uint8Array): SheetRow[] {
  let unzipped = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted =
          f.name === 'xl/workbook.xml' ||
          f.name === 'xl/_rels/workbook.xml.rels' ||
          f.name === 'xl/sharedStrings.xml' ||
          f.name.startsWith('xl/worksheets/sheet');
        if (!wanted) return false;
        unzipped += f.originalSize;
        if (unzipped > MAX_UNZIPPED) throw new UnreadableSheet('too large unzipped');
        return true;
      },
    });
  } catch (err) {
    if (err instanceof UnreadableSheet) throw err;
    throw new UnreadableSheet('not a zip');
  }
  const sheet = files[firstSheetPath(files)];
  if (!sheet) throw new UnreadableSheet('no sheet');
  const shared = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
        textOf(m[1] ?? ''),
      )
    : [];
  const rows: SheetRow[] = [];
  let rowNumber = 0;
  for (const r of strFromU8(sheet).matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    rowNumber = Number(/\br="(\d+)"/.exec(r[1]!)?.[1] ?? rowNumber + 1);
    const cells: SheetCell[] = [];
    let column = -1;
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      column = ref ? columnOf(ref) : column + 1;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let cell: SheetCell;
      if (type === 's') cell = { text: shared[Number(v)] ?? '', numeric: false };
      else if (type === 'inlineStr') cell = { text: textOf(body), numeric: false };
      else if (type === 'str' || type === 'e') cell = { text: decode(v ?? ''), numeric: false };
      else if (type === 'b') cell = { text: v === '1' ? 'TRUE' : 'FALSE', numeric: false };
      else cell = { text: v === undefined ? '' : decode(v), numeric: v !== undefined };
      cells[column] = cell;
    }
    const filled = Array.from(cells, (c) => c ?? { text: '', numeric: false });
    if (filled.some((c) => c.text.trim() !== '')) rows.push({ row: rowNumber, cells: filled });
  }
  return rows;
}
