/**
 * The font reader and CFF subsetter of the PDF forms against fontkit (a development dependency only, as the oracle):
 * the same glyph for every BMP character, the same advances, and the subset draws the used glyphs exactly as the
 * whole font does while the others draw nothing.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { readOpenType } from './opentype';
import { ROOT } from '../../../test/support/bundle';

const file = readFileSync(join(ROOT, 'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf'));
const font = readOpenType(file);
const oracle = fontkit.create(file) as fontkit.Font;

/** fontkit's parsed CFF, not in its typings: the charset's ranges (CIDs from `first` for glyphs offset + 1 on). */
type CffOf = {
  'CFF ': {
    topDict: { charset: { ranges: { first: number; nLeft: number; offset: number }[] }; CharStrings: unknown[] };
  };
};
const cffOf = (f: fontkit.Font) => (f as unknown as CffOf)['CFF '].topDict;

/** The font file with its CFF table replaced (fontkit reads only whole fonts). */
function withCff(cff: Buffer): Buffer {
  const n = file.readUInt16BE(4);
  const head = Buffer.from(file.subarray(0, 12 + n * 16));
  const parts: Buffer[] = [head];
  let at = head.length;
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    const tag = file.toString('latin1', rec, rec + 4);
    const offset = file.readUInt32BE(rec + 8);
    const data = tag === 'CFF ' ? cff : file.subarray(offset, offset + file.readUInt32BE(rec + 12));
    head.writeUInt32BE(at, rec + 8);
    head.writeUInt32BE(data.length, rec + 12);
    const pad = Buffer.alloc((4 - (data.length % 4)) % 4);
    parts.push(data, pad);
    at += data.length + pad.length;
  }
  return Buffer.concat(parts);
}

describe('readOpenType (Noto Sans SC, the forms’ font)', () => {
  it('maps every BMP character to fontkit’s glyph, with its advance', () => {
    let mapped = 0;
    for (let cp = 0x20; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const g = font.glyphOf(cp);
      const expected = oracle.glyphForCodePoint(cp);
      if (g !== expected.id) throw new Error(`U+${cp.toString(16)}: ${g}, fontkit ${expected.id}`);
      if (g && font.advanceOf(g) !== expected.advanceWidth) throw new Error(`advance of U+${cp.toString(16)}`);
      if (g) mapped++;
    }
    expect(mapped).toBeGreaterThan(7000); // GB2312's 6,763 hanzi and the rest
    expect(font.glyphOf(0x1f600)).toBe(0); // not in the font: .notdef
    expect([font.unitsPerEm, font.ascender, font.descender]).toEqual([
      oracle.unitsPerEm,
      oracle.ascent,
      oracle.descent,
    ]);
    expect(font.name).toBe(oracle.postscriptName);
  });

  it('subsets the CFF: glyph i draws as the whole font’s glyphs[i] and is CID i; nothing else is drawn', () => {
    const text = '需求表（附件1）工信厅企业函〔2024〕221号，大企业技术创新统一社会信用代码91110000MA01ABCDEF。';
    const glyphs = [0, ...new Set([...text].map((c) => font.glyphOf(c.codePointAt(0)!)))]; // first use order
    expect(glyphs).not.toEqual([...glyphs].sort((a, b) => a - b));
    const cff = font.subset(glyphs);
    const cut = fontkit.create(withCff(cff)) as fontkit.Font;
    expect(cffOf(cut).CharStrings).toHaveLength(glyphs.length);
    glyphs.forEach((g, i) => {
      const whole = oracle.getGlyph(g).path.toSVG();
      if (g) expect(whole.length).toBeGreaterThan(0);
      expect(cut.getGlyph(i).path.toSVG()).toBe(whole);
    });
    // The whole font's CIDs are not its glyph ids; the subset's are.
    expect(cffOf(oracle).charset.ranges.length).toBeGreaterThan(1);
    expect(cffOf(cut).charset.ranges).toEqual([{ first: 1, nLeft: glyphs.length - 2, offset: 0 }]);
    expect(() => font.subset(glyphs.slice(1))).toThrow('.notdef first');
    // A form's few hundred glyphs: tens of KB compressed, not 8 MB.
    expect(deflateSync(cff).length).toBeLessThan(200_000);
  });
});
