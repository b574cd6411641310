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

/** fontkit's parsed charset, not in its typings: format 1's ranges (the font's), format 0's CIDs (the subset's). */
type CffOf = {
  'CFF ': { topDict: { charset: { ranges?: { first: number; nLeft: number; offset: number }[]; glyphs?: number[] } } };
};
const cidsOf = (f: fontkit.Font) => [0, ...(f as unknown as CffOf)['CFF '].topDict.charset.glyphs!];

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

  it('subsets the CFF: used glyphs draw as in the whole font, the others are empty, and it is small', () => {
    const text = '大企业技术创新需求表（附件1）工信厅企业函〔2024〕221号，统一社会信用代码 91110000MA01ABCDEF。';
    const gids = [...text.replace(/ /g, '')].map((c) => font.glyphOf(c.codePointAt(0)!));
    const cff = font.subset(gids);
    const cut = fontkit.create(withCff(cff)) as fontkit.Font;
    // The subset's glyphs in order, each still under its CID (what a PDF names it by).
    const kept = [...new Set([0, ...gids])].sort((a, b) => a - b);
    expect(cidsOf(cut)).toHaveLength(kept.length);
    kept.forEach((g, i) => {
      const whole = oracle.getGlyph(g).path.toSVG();
      if (g) expect(whole.length).toBeGreaterThan(0);
      expect(cut.getGlyph(i).path.toSVG()).toBe(whole);
      expect(cidsOf(cut)[i]).toBe(font.cidOf(g));
    });
    // The CID a PDF names a glyph by is the charset's, kept as it was.
    const ranges = (oracle as unknown as CffOf)['CFF '].topDict.charset.ranges!;
    const cidOf = (g: number) => {
      const r = ranges.find((r) => g - 1 >= r.offset && g - 1 <= r.offset + r.nLeft)!;
      return r.first + g - 1 - r.offset;
    };
    expect(new Set(gids.map((g) => font.cidOf(g) - g)).size).toBeGreaterThan(1); // CIDs are not glyph ids here
    expect(gids.map((g) => font.cidOf(g))).toEqual(gids.map(cidOf));
    // A form's few hundred glyphs: tens of KB compressed, not 8 MB.
    expect(deflateSync(cff).length).toBeLessThan(200_000);
  });
});
