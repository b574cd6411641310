/**
 * The PDF writer of the forms: a file a reader opens at every object (the cross-reference table is exact), whose
 * text comes back as written (through the ToUnicode map, pdf.js reading), a page per addPage.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { readOpenType } from './opentype';
import { PdfDocument } from './pdf-document';
import { ROOT } from '../../../test/support/bundle';
import { pdfText } from '../../../test/support/pdf-text';

const font = readOpenType(readFileSync(join(ROOT, 'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf')));

function sample(): Buffer {
  const doc = new PdfDocument(font, '需求表');
  doc.text('大企业技术创新需求表', 50, 50, 17);
  doc.strokeRect(50, 100, 200, 30, 0.6);
  doc.addPage();
  doc.text('统一社会信用代码 91110000MA01ABCDEF，企业（盖章）', 50, 50, 10, '#444444');
  return doc.end();
}

describe('PdfDocument', () => {
  it('writes a cross-reference table that points at every object', () => {
    const pdf = sample();
    const text = pdf.toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = text
      .slice(xrefAt)
      .split('\n')
      .slice(3)
      .filter((l) => / n $/.test(l));
    expect(entries.length).toBeGreaterThan(8);
    entries.forEach((e, i) =>
      expect(text.slice(Number(e.slice(0, 10)), Number(e.slice(0, 10)) + 12)).toMatch(new RegExp(`^${i + 1} 0 obj\n`)),
    );
    expect(text).toContain('/Count 2');
  });

  it('maps every glyph it printed back to its character, and pdf.js reads the text as written', async () => {
    const pdf = sample();
    const streams = [...pdf.toString('latin1').matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) =>
      inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1'),
    );
    const cmap = streams.find((s) => s.includes('beginbfchar'))!;
    // 企 occurs on both pages: its glyph once in the map. (pdf-parse marks the pages: --n of m--.)
    expect(cmap.match(/<4f01>/g)).toHaveLength(1);
    expect(await pdfText(pdf)).toBe(
      '大企业技术创新需求表--1of2--统一社会信用代码91110000MA01ABCDEF，企业（盖章）--2of2--',
    );
  }, 30_000);
});
