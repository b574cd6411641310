/**
 * The paper forms of 221号 (需求表, 申请书, 对接表) as PDF: a title, label–value tables in the order of the paper
 * form, a QR code linking to the record, and the stamp and signature block. Text is set in Noto Sans SC (the
 * GB2312 cut of @embedpdf/fonts-sc), of which only the glyphs used are embedded (./opentype.ts) — a form is tens
 * of KB — with a ToUnicode map, so the text can be searched and copied (the tests extract it back).
 *
 * The font file (8 MB) is not bundled: functions/sls/cjk-font-package.cjs adds it to the zips of the functions
 * whose bundle names it (FONT_FILE below), and only to those.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import qrcode from 'qrcode-generator';
import { readOpenType, type OpenTypeFont } from './opentype';
import { A4, PdfDocument } from './pdf-document';

/** The marker the packaging plugin looks for in a bundle (keep in step with functions/sls/cjk-font-package.cjs). */
const FONT_FILE = 'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf';

let font: OpenTypeFont | undefined;

/** The font, found from the Lambda task root (/var/task) or, locally, upwards from the working directory. */
function cjkFont(): OpenTypeFont {
  if (font) return font;
  for (const start of [process.env.LAMBDA_TASK_ROOT, process.cwd()]) {
    for (let dir = start; dir; dir = dirname(dir) === dir ? undefined : dirname(dir)) {
      const p = join(dir, FONT_FILE);
      if (existsSync(p)) return (font = readOpenType(readFileSync(p)));
    }
  }
  throw new Error(`CJK font not found (${FONT_FILE})`);
}

export interface FormRow {
  label: string;
  value: string;
}

export interface FormSection {
  heading?: string;
  rows: FormRow[];
  /** A free-text block under the heading (e.g. the declaration), set across the whole width. */
  note?: string;
}

export interface PaperForm {
  title: string;
  /** Under the title: e.g. the notice's reference. */
  subtitle: string;
  sections: FormSection[];
  /** The record's address, encoded as the QR code in the top right corner. */
  link: string;
  /** The stamp block's lines, e.g. 企业（盖章）, 法定代表人（签字）, 日期. */
  stamps: string[];
}

const MARGIN = 50;
const LABEL_WIDTH = 130;
const PAD = 5;
const LINE = 0.6;

/** Closing punctuation a line may not start with, opening punctuation it may not end with (GB/T 15834's rule). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉”’…%,.;:?!)]}');
const NO_LINE_END = new Set('（《「『【〔〈“‘([{');
/** Han, kana, CJK punctuation and full-width forms: a line may break before and after each one. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u;

/**
 * The lines a text wraps into at this width: breaks between wide characters and at spaces, a Latin word or number
 * kept whole unless it alone is wider than the line, closing punctuation never first on a line nor opening
 * punctuation last, and the text's own line breaks kept (a lone \r is dropped with the other control characters).
 */
export function wrap(text: string, width: number, widthOf: (s: string) => number): string[] {
  // widthOf is additive (advances, no kerning): a line's width is the sum of its units'.
  // A tab prints as a space; other control characters, which no font draws, not at all.
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\t\v\f]/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
  return printable.split(/\r?\n/).flatMap((paragraph) => {
    // Units that stay on one line: a wide character, a space, or a run of anything else.
    const units: string[] = [];
    let last: string | undefined;
    for (const c of paragraph) {
      const joins =
        last !== undefined &&
        (NO_LINE_START.has(c) ||
          NO_LINE_END.has(last) ||
          (c !== ' ' && !WIDE.test(c) && last !== ' ' && !WIDE.test(last)));
      if (joins) units[units.length - 1] += c;
      else units.push(c);
      last = c;
    }
    const lines: string[] = [];
    let line = '';
    let used = 0;
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    };
    for (const unit of units) {
      const w = widthOf(unit);
      if (used + w <= width) {
        line += unit;
        used += w;
      } else if (unit === ' ') push();
      else {
        if (line.trim()) push();
        line = '';
        used = 0;
        for (const c of unit) {
          const cw = widthOf(c);
          if (line && used + cw > width) push();
          line += c;
          used += cw;
        }
      }
    }
    push();
    return lines;
  });
}

/** A QR code drawn as vector squares: no image in the file, sharp at any print size. */
function drawQr(doc: PdfDocument, text: string, x: number, y: number, size: number) {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const cell = size / n;
  const modules: [number, number, number, number][] = [];
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) modules.push([x + c * cell, y + r * cell, cell, cell]);
  doc.fillRects(modules);
}

/** Renders the form; resolves with the PDF's bytes. */
export async function renderPaperForm(form: PaperForm): Promise<Buffer> {
  const doc = new PdfDocument(cjkFont(), form.title);
  const left = MARGIN;
  const width = A4.width - 2 * MARGIN;
  const bottom = A4.height - MARGIN;
  let y = MARGIN;

  /** Text wrapped into a box's width, top left at (x, top); returns the height it took. */
  const block = (text: string, x: number, top: number, w: number, size: number, center = false, color?: string) => {
    const lh = doc.lineHeight(size);
    const lines = wrap(text, w, (s) => doc.widthOf(s, size));
    lines.forEach((line, i) =>
      doc.text(line, center ? x + (w - doc.widthOf(line, size)) / 2 : x, top + i * lh, size, color),
    );
    return lines.length * lh;
  };

  const qrSize = 72;
  drawQr(doc, form.link, left + width - qrSize, MARGIN - 20, qrSize);
  block('扫码查看电子记录', left + width - qrSize, MARGIN + qrSize - 16, qrSize, 7, true, '#444444');
  const headWidth = width - qrSize - 10;
  y = MARGIN + 8 + block(form.title, left, MARGIN + 8, headWidth, 17, true);
  y += 4 + block(form.subtitle, left, y + 4, headWidth, 9, true);
  y = Math.max(y, MARGIN + qrSize) + 14;

  /**
   * Cells side by side (each a width and its lines), boxed; a row that does not fit the page's rest starts the
   * next page, and one taller than a page continues on the next one.
   */
  const row = (cells: { x: number; w: number; lines: string[] }[], size: number) => {
    const lh = doc.lineHeight(size);
    const count = Math.max(1, ...cells.map((c) => c.lines.length));
    const fits = (n: number) => y + n * lh + 2 * PAD <= bottom;
    if (!fits(count) && MARGIN + count * lh + 2 * PAD <= bottom) newPage();
    for (let from = 0; from < count;) {
      let n = Math.min(count - from, Math.floor((bottom - y - 2 * PAD) / lh));
      if (n < 1) {
        newPage();
        n = Math.min(count - from, Math.floor((bottom - y - 2 * PAD) / lh));
      }
      const h = n * lh + 2 * PAD;
      for (const c of cells) {
        doc.strokeRect(c.x, y, c.w, h, LINE);
        c.lines.slice(from, from + n).forEach((line, i) => doc.text(line, c.x + PAD, y + PAD + i * lh, size));
      }
      y += h;
      from += n;
      if (from < count) newPage();
    }
  };
  const newPage = () => {
    doc.addPage();
    y = MARGIN;
  };
  const cell = (x: number, w: number, text: string, size: number) => ({
    x,
    w,
    lines: wrap(text, w - 2 * PAD, (s) => doc.widthOf(s, size)),
  });

  for (const section of form.sections) {
    if (section.heading) {
      if (y + 24 > bottom) newPage();
      y += 4 + block(section.heading, left, y + 4, width, 12) + 4;
    }
    for (const r of section.rows)
      row(
        [cell(left, LABEL_WIDTH, r.label, 10), cell(left + LABEL_WIDTH, width - LABEL_WIDTH, r.value || '—', 10)],
        10,
      );
    if (section.note) row([cell(left, width, section.note, 10)], 10);
  }

  if (y + 40 + form.stamps.length * 26 > bottom) newPage();
  y += 24;
  for (const line of form.stamps) {
    block(line, left + width / 2, y, width / 2, 11);
    y += 26;
  }
  return doc.end();
}
