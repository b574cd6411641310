/**
 * A PDF file of A4 pages drawn with one embedded CJK font, lines, rectangles and text runs: what the paper forms
 * (./pdf.ts) print, and no more. The font is embedded as a Type0 font over its CFF subset (./opentype.ts,
 * FontFile3/CIDFontType0C) with a ToUnicode map, so a reader can search and copy the text. PDF 1.7 (ISO 32000-1):
 * §7.5 file structure, §9.7 composite fonts, §9.10.3 ToUnicode.
 *
 * Why not pdfkit: see ./opentype.ts — with pdfkit and fontkit the three print functions' bundles were 906 KB.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { OpenTypeFont } from './opentype';

export const A4 = { width: 595.28, height: 841.89 };

const num = (n: number) => String(Math.round(n * 1000) / 1000);
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('hex');
/** A text string of the document's information, in UTF-16BE (PDF §7.9.2.2). */
const textString = (s: string) => `<FEFF${utf16be(s)}>`;
const hex4 = (n: number) => n.toString(16).padStart(4, '0');
/** A rectangle from its top left corner, in PDF's coordinates (origin bottom left). */
const rect = (x: number, top: number, w: number, h: number) =>
  `${num(x)} ${num(A4.height - top - h)} ${num(w)} ${num(h)} re`;
/** #rrggbb as a PDF colour's three components. */
const rgb = (hex: string) => [1, 3, 5].map((i) => num(parseInt(hex.slice(i, i + 2), 16) / 255)).join(' ');

export class PdfDocument {
  private readonly pages: string[][] = [];
  /** The glyphs drawn (not .notdef), in the order first drawn: glyph id → its CID in the subset, its character. */
  private readonly used = new Map<number, { cid: number; codePoint: number }>();
  private ops: string[] = [];
  /** Per character: its glyph's advance (a form measures each line's characters again and again). */
  private readonly advances = new Map<number, number>();

  constructor(
    private readonly font: OpenTypeFont,
    private readonly title: string,
  ) {
    this.addPage();
  }

  addPage(): void {
    this.ops = [];
    this.pages.push(this.ops);
  }

  /** The width of a text run at this size (glyph advances; the forms' scripts need no kerning or shaping). */
  widthOf(text: string, size: number): number {
    let units = 0;
    for (const c of text) {
      const cp = c.codePointAt(0)!;
      let advance = this.advances.get(cp);
      if (advance === undefined) this.advances.set(cp, (advance = this.font.advanceOf(this.font.glyphOf(cp))));
      units += advance;
    }
    return (units * size) / this.font.unitsPerEm;
  }

  /** The distance between two lines' tops at this size: the font's ascender, descender and line gap. */
  lineHeight(size: number): number {
    const f = this.font;
    return ((f.ascender - f.descender + f.lineGap) * size) / f.unitsPerEm;
  }

  /** One line of text whose line box's top left is (x, top), in points from the page's top left. */
  text(text: string, x: number, top: number, size: number, color = '#000000'): void {
    let codes = '';
    for (const c of text) {
      const cp = c.codePointAt(0)!;
      const g = this.font.glyphOf(cp);
      if (g && !this.used.has(g)) this.used.set(g, { cid: this.used.size + 1, codePoint: cp });
      codes += hex4(g && this.used.get(g)!.cid);
    }
    const baseline = A4.height - top - (this.font.ascender * size) / this.font.unitsPerEm;
    this.ops.push(`BT /F1 ${num(size)} Tf ${rgb(color)} rg 1 0 0 1 ${num(x)} ${num(baseline)} Tm <${codes}> Tj ET`);
  }

  /** A rectangle's outline, from its top left corner. */
  strokeRect(x: number, top: number, w: number, h: number, lineWidth: number): void {
    this.ops.push(`${num(lineWidth)} w 0 0 0 RG ${rect(x, top, w, h)} S`);
  }

  /** Filled squares (a QR code's modules), in one path. */
  fillRects(rects: [x: number, top: number, w: number, h: number][], color = '#000000'): void {
    this.ops.push(`${rgb(color)} rg ${rects.map((r) => rect(...r)).join(' ')} f`);
  }

  /** The file's bytes. */
  end(): Buffer {
    const objects: (string | Buffer)[] = [];
    const add = (o: string | Buffer) => objects.push(o) as number; // its object number
    const stream = (dict: string, data: Buffer) => {
      const packed = deflateSync(data);
      return Buffer.concat([
        Buffer.from(`<< ${dict} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`),
        packed,
        Buffer.from('\nendstream'),
      ]);
    };

    const f = this.font;
    const glyphs = [...this.used.keys()];
    const scale = 1000 / f.unitsPerEm;
    // A subset's name starts with six capitals that differ with the subset (PDF §9.6.4).
    const tag = createHash('sha256')
      .update(glyphs.join(','))
      .digest()
      .subarray(0, 6)
      .reduce((s, b) => s + String.fromCharCode(65 + (b % 26)), '');
    const name = `/${tag}+${f.name.replace(/[^A-Za-z0-9-]/g, '')}`; // a PDF name without delimiters
    const fontFile = add(stream('/Subtype /CIDFontType0C', f.subset([0, ...glyphs])));
    const descriptor = add(
      `<< /Type /FontDescriptor /FontName ${name} /Flags 4 /FontBBox [${f.bbox.map((v) => num(v * scale)).join(' ')}]` +
        ` /ItalicAngle 0 /Ascent ${num(f.ascender * scale)} /Descent ${num(f.descender * scale)}` +
        ` /CapHeight ${num(f.capHeight * scale)} /StemV 80 /FontFile3 ${fontFile} 0 R >>`,
    );
    const widths = glyphs.length ? `1 [${glyphs.map((g) => num(f.advanceOf(g) * scale)).join(' ')}]` : '';
    const cidFont = add(
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont ${name}` +
        ' /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>' +
        ` /FontDescriptor ${descriptor} 0 R /W [${widths}] >>`,
    );
    const toUnicode = add(stream('', Buffer.from(unicodeMap([...this.used.values()]))));
    const type0 = add(
      `<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H` +
        ` /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    );

    const pagesId = objects.length + 1 + this.pages.length * 2;
    const kids = this.pages.map((ops) => {
      const content = add(stream('', Buffer.from(ops.join('\n'))));
      return add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}]` +
          ` /Resources << /Font << /F1 ${type0} 0 R >> >> /Contents ${content} 0 R >>`,
      );
    });
    add(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
    // The language for screen readers; the title, not the file name, in the viewer's title bar.
    const catalog = add(
      `<< /Type /Catalog /Pages ${pagesId} 0 R /Lang (zh-CN) /ViewerPreferences << /DisplayDocTitle true >> >>`,
    );
    const info = add(
      `<< /Title ${textString(this.title)} /Producer ${textString('揭榜通')} /Creator ${textString('揭榜通')} >>`,
    );

    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let at = parts[0]!.length;
    const offsets = objects.map((o, i) => {
      const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(o), Buffer.from('\nendobj\n')]);
      parts.push(part);
      const offset = at;
      at += part.length;
      return offset;
    });
    const xref =
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
      offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
      `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${at}\n%%EOF\n`;
    parts.push(Buffer.from(xref));
    return Buffer.concat(parts);
  }
}

/** The ToUnicode CMap: each CID printed → the character it was printed for (PDF §9.10.3). */
function unicodeMap(pairs: { cid: number; codePoint: number }[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    const lines = chunk.map(({ cid, codePoint }) => `<${hex4(cid)}> <${utf16be(String.fromCodePoint(codePoint))}>`);
    blocks.push(`${chunk.length} beginbfchar\n${lines.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
