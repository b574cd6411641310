/**
 * The paper forms of 221号 (需求表, 申请书, 对接表) as PDF: a title, label–value tables in the order of the paper
 * form, a QR code linking to the record, and the stamp and signature block. Text is set in Noto Sans SC (the
 * GB2312 cut of @embedpdf/fonts-sc), of which pdfkit embeds only the glyphs used — a form is ≈ 60 KB — with a
 * ToUnicode map, so the text can be searched and copied (the tests extract it back).
 *
 * The font file (8 MB) is not bundled: functions/sls/cjk-font-package.cjs adds it to the zips of the functions
 * whose bundle names it (FONT_FILE below), and only to those.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';

/** The marker the packaging plugin looks for in a bundle (keep in step with functions/sls/cjk-font-package.cjs). */
const FONT_FILE = 'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf';

let font: Buffer | undefined;

/** The font, found from the Lambda task root (/var/task) or, locally, upwards from the working directory. */
function cjkFont(): Buffer {
  if (font) return font;
  for (const start of [process.env.LAMBDA_TASK_ROOT, process.cwd()]) {
    for (let dir = start; dir; dir = dirname(dir) === dir ? undefined : dirname(dir)) {
      const p = join(dir, FONT_FILE);
      if (existsSync(p)) return (font = readFileSync(p));
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

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const LABEL_WIDTH = 130;
const PAD = 5;

/** A QR code drawn as vector squares: no image decoder in the bundle, sharp at any print size. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const cell = size / n;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  doc.fill('#000000');
}

/** Renders the form; resolves with the PDF's bytes. */
export function renderPaperForm(form: PaperForm): Promise<Buffer> {
  // font: null — no standard (AFM) font is loaded: every glyph comes from the embedded CJK font.
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    font: null as unknown as string,
    info: { Title: form.title, Producer: '揭榜通', Creator: '揭榜通' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');

  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const bottom = PAGE.height - PAGE.margin;
  const qrSize = 72;
  drawQr(doc, form.link, left + width - qrSize, PAGE.margin - 20, qrSize);
  doc
    .fontSize(7)
    .fillColor('#444444')
    .text('扫码查看电子记录', left + width - qrSize, PAGE.margin + qrSize - 16, {
      width: qrSize,
      align: 'center',
    });
  doc
    .fillColor('#000000')
    .fontSize(17)
    .text(form.title, left, PAGE.margin + 8, { width: width - qrSize - 10, align: 'center' });
  doc.fontSize(9).text(form.subtitle, left, doc.y + 4, { width: width - qrSize - 10, align: 'center' });
  let y = Math.max(doc.y, PAGE.margin + qrSize) + 14;

  const ensure = (h: number) => {
    if (y + h <= bottom) return;
    doc.addPage();
    y = PAGE.margin;
  };

  for (const section of form.sections) {
    if (section.heading) {
      doc.fontSize(12);
      ensure(24);
      doc.text(section.heading, left, y + 4);
      y = doc.y + 4;
    }
    doc.fontSize(10);
    for (const row of section.rows) {
      const value = row.value || '—';
      const h =
        Math.max(
          doc.heightOfString(row.label, { width: LABEL_WIDTH - 2 * PAD }),
          doc.heightOfString(value, { width: width - LABEL_WIDTH - 2 * PAD }),
        ) +
        2 * PAD;
      ensure(Math.min(h, bottom - PAGE.margin));
      doc
        .lineWidth(0.6)
        .rect(left, y, LABEL_WIDTH, h)
        .stroke()
        .rect(left + LABEL_WIDTH, y, width - LABEL_WIDTH, h);
      doc.stroke();
      doc.text(row.label, left + PAD, y + PAD, { width: LABEL_WIDTH - 2 * PAD });
      doc.text(value, left + LABEL_WIDTH + PAD, y + PAD, { width: width - LABEL_WIDTH - 2 * PAD });
      y += h;
    }
    if (section.note) {
      const h = doc.heightOfString(section.note, { width: width - 2 * PAD }) + 2 * PAD;
      ensure(h);
      doc.rect(left, y, width, h).stroke();
      doc.text(section.note, left + PAD, y + PAD, { width: width - 2 * PAD });
      y += h;
    }
  }

  doc.fontSize(11);
  ensure(40 + form.stamps.length * 26);
  y += 24;
  for (const line of form.stamps) {
    doc.text(line, left + width / 2, y, { width: width / 2 });
    y += 26;
  }
  doc.end();
  return done;
}
