/**
 * What the PDF forms need of an OpenType font with CID-keyed CFF outlines (Noto Sans SC, ./pdf.ts): the glyph of a
 * character (cmap), its advance (hmtx), the vertical metrics, and the font's CFF cut down to the glyphs a form
 * uses.
 *
 * Why not fontkit (through pdfkit): it reads every font format and shapes every script — 250 KB of the print
 * functions' 906 KB bundles, over the 700 KB bar of issue 11 — while the forms need one font, one direction and
 * no shaping (CJK and Latin set glyph by glyph).
 *
 * The subset holds the glyphs a form uses, in the order given, glyph i under CID i — the numbering pdfkit's
 * subsets have, which every reader maps whether or not it reads the charset — and the subroutines they call; the
 * others are emptied to a `return` each but keep their numbers, which the charstrings call them by, as fontkit
 * does. The 8 MB font becomes a few tens of KB in a form. References: Adobe TN 5176 (CFF), TN 5177 (Type 2 charstrings), OpenType cmap/hmtx.
 */

type Range = readonly [start: number, end: number];

/** An INDEX, read in place: its items' byte ranges on demand (the font's have tens of thousands). */
class Index {
  readonly length: number;
  readonly end: number;
  private readonly offSize: number;
  private readonly base: number;

  constructor(
    private readonly b: Buffer,
    private readonly start: number,
  ) {
    this.length = b.readUInt16BE(start);
    this.offSize = this.length ? b[start + 2]! : 0;
    this.base = start + 2 + (this.length + 1) * this.offSize; // offsets count from 1
    this.end = this.length ? this.base + this.offset(this.length) : start + 2;
  }

  private offset(i: number): number {
    return this.b.readUIntBE(this.start + 3 + i * this.offSize, this.offSize);
  }

  item(i: number): Range | undefined {
    return i >= 0 && i < this.length ? [this.base + this.offset(i), this.base + this.offset(i + 1)] : undefined;
  }
}

function writeIndex(items: Buffer[]): Buffer {
  if (items.length === 0) return Buffer.from([0, 0]);
  const total = items.reduce((n, i) => n + i.length, 0) + 1;
  const offSize = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4;
  const head = Buffer.alloc(3 + (items.length + 1) * offSize);
  head.writeUInt16BE(items.length, 0);
  head[2] = offSize;
  let offset = 1;
  items.forEach((item, i) => {
    head.writeUIntBE(offset, 3 + i * offSize, offSize);
    offset += item.length;
  });
  head.writeUIntBE(offset, 3 + items.length * offSize, offSize);
  return Buffer.concat([head, ...items]);
}

/** A number in the encodings DICTs and charstrings share (first byte 28 or 32–254): its value and byte length. */
function shortNumber(b: Buffer, p: number): [value: number, length: number] {
  const b0 = b[p]!;
  if (b0 === 28) return [b.readInt16BE(p + 1), 3];
  if (b0 <= 246) return [b0 - 139, 1];
  if (b0 <= 250) return [(b0 - 247) * 256 + b[p + 1]! + 108, 2];
  return [-(b0 - 251) * 256 - b[p + 1]! - 108, 2];
}

/** A DICT entry: its operator (12 x as 0x0c00 | x), operands' values, and their bytes as read. */
interface DictEntry {
  op: number;
  operands: number[];
  raw: Buffer;
}

function readDict(b: Buffer, [start, end]: Range): DictEntry[] {
  const entries: DictEntry[] = [];
  let operands: number[] = [];
  let from = start;
  for (let p = start; p < end;) {
    const b0 = b[p]!;
    if (b0 <= 21) {
      const op = b0 === 12 ? 0x0c00 | b[p + 1]! : b0;
      entries.push({ op, operands, raw: b.subarray(from, p) });
      p += b0 === 12 ? 2 : 1;
      operands = [];
      from = p;
    } else if (b0 === 29) {
      operands.push(b.readInt32BE(p + 1));
      p += 5;
    } else if (b0 === 30) {
      // A real (nibbles up to an 0xf): only its bytes are kept; no offset is ever a real.
      do p++;
      while ((b[p]! & 0x0f) !== 0x0f && (b[p]! & 0xf0) !== 0xf0);
      p++;
      operands.push(NaN);
    } else {
      const [value, length] = shortNumber(b, p);
      operands.push(value);
      p += length;
    }
  }
  return entries;
}

/** Offsets are written in the 5-byte form, so a DICT's length is known before the offsets are. */
const int32 = (n: number) => {
  const o = Buffer.alloc(5);
  o[0] = 29;
  o.writeInt32BE(n, 1);
  return o;
};

function writeDict(entries: DictEntry[], offsets: Map<number, number[]>): Buffer {
  return Buffer.concat(
    entries.flatMap((e) => {
      const replaced = offsets.get(e.op);
      const operands = replaced ? Buffer.concat(replaced.map(int32)) : e.raw;
      return [operands, e.op > 0xff ? Buffer.from([12, e.op & 0xff]) : Buffer.from([e.op])];
    }),
  );
}

const OP = { charset: 15, CharStrings: 17, Private: 18, Subrs: 19, ROS: 0x0c1e, FDArray: 0x0c24, FDSelect: 0x0c25 };

/** An unused subroutine's body in a subset: `return`. */
const RETURN = Buffer.from([11]);

/** The subroutine number bias of Type 2 charstrings (TN 5177 §4.7). */
const bias = (count: number) => (count < 1240 ? 107 : count < 33900 ? 1131 : 32768);

interface FontDict {
  entries: DictEntry[];
  privateEntries: DictEntry[];
  subrs: Index | undefined;
}

/** The CFF table of a CID-keyed font, parsed as far as subsetting needs. */
class Cff {
  /** The Name INDEX (copied into a subset as it is) and the font's name in it. */
  readonly name: Range;
  readonly fontName: string;
  readonly topEntries: DictEntry[];
  readonly strings: Range;
  readonly globalSubrs: Index;
  readonly charStrings: Index;
  readonly fds: FontDict[];
  /** Per glyph id: the font dict its charstring runs under. */
  readonly fdOf: Uint8Array;

  constructor(readonly b: Buffer) {
    const names = new Index(b, b[2]!);
    this.name = [b[2]!, names.end];
    this.fontName = b.toString('latin1', ...names.item(0)!);
    const tops = new Index(b, names.end);
    const strings = new Index(b, tops.end);
    this.strings = [tops.end, strings.end];
    this.globalSubrs = new Index(b, strings.end);
    this.topEntries = readDict(b, tops.item(0)!);
    const top = (op: number) => this.topEntries.find((e) => e.op === op)?.operands;
    if (!top(OP.ROS) || !top(OP.FDArray) || !top(OP.FDSelect)) throw new Error('not a CID-keyed CFF font');
    this.charStrings = new Index(b, top(OP.CharStrings)![0]!);
    const n = this.charStrings.length;

    this.fdOf = new Uint8Array(n);
    const p = top(OP.FDSelect)![0]!;
    if (b[p] === 0) {
      this.fdOf.set(b.subarray(p + 1, p + 1 + n));
    } else if (b[p] === 3) {
      const ranges = b.readUInt16BE(p + 1);
      for (let r = 0; r < ranges; r++) {
        const at = p + 3 + r * 3;
        this.fdOf.fill(b[at + 2]!, b.readUInt16BE(at), b.readUInt16BE(at + 3));
      }
    } else throw new Error(`FDSelect format ${b[p]} is not supported`);

    const fdArray = new Index(b, top(OP.FDArray)![0]!);
    this.fds = Array.from({ length: fdArray.length }, (_, i) => {
      const entries = readDict(b, fdArray.item(i)!);
      const [size, offset] = entries.find((e) => e.op === OP.Private)!.operands as [number, number];
      const privateEntries = readDict(b, [offset, offset + size]);
      const subrsAt = privateEntries.find((e) => e.op === OP.Subrs)?.operands[0];
      return { entries, privateEntries, subrs: subrsAt === undefined ? undefined : new Index(b, offset + subrsAt) };
    });
  }

  /**
   * Marks the subroutines a glyph's charstring calls, directly or through other subroutines. Only what decides
   * which bytes are operators is interpreted: numbers (a call's operand), stem hints (a hintmask's length) and the
   * calls themselves.
   */
  markSubrs(gid: number, usedGlobal: Set<number>, usedLocal: Set<number>[]): void {
    const fd = this.fdOf[gid]!;
    const local = this.fds[fd]!.subrs;
    const b = this.b;
    let stack: number[] = [];
    let stems = 0;
    let ended = false;
    const run = ([start, end]: Range, depth: number): void => {
      if (depth > 10) throw new Error('charstring subroutines nested too deep');
      for (let p = start; p < end && !ended;) {
        const b0 = b[p]!;
        if (b0 === 255) {
          stack.push(b.readInt32BE(p + 1) / 65536); // 16.16 fixed
          p += 5;
          continue;
        }
        if (b0 >= 32 || b0 === 28) {
          const [value, length] = shortNumber(b, p);
          stack.push(value);
          p += length;
          continue;
        }
        p += b0 === 12 ? 2 : 1;
        if (b0 === 10 || b0 === 29) {
          const subrs = b0 === 10 ? local : this.globalSubrs;
          const index = stack.pop()! + bias(subrs?.length ?? 0);
          const subr = subrs?.item(index);
          if (!subr) throw new Error(`charstring of glyph ${gid} calls a missing subroutine`);
          (b0 === 10 ? usedLocal[fd]! : usedGlobal).add(index);
          run(subr, depth + 1);
          continue;
        }
        if (b0 === 11) return; // return
        if (b0 === 14) {
          ended = true; // endchar
          return;
        }
        // hstem, vstem, hstemhm, vstemhm; and a hintmask's or cntrmask's operands are implied vstems.
        if (b0 === 1 || b0 === 3 || b0 === 18 || b0 === 23 || b0 === 19 || b0 === 20) stems += stack.length >> 1;
        if (b0 === 19 || b0 === 20) p += (stems + 7) >> 3;
        stack = [];
      }
    };
    run(this.charStrings.item(gid)!, 0);
  }

  /** The CFF with only these glyphs, .notdef first: glyph i of the subset is `glyphs[i]`, under CID i. */
  subset(glyphs: number[]): Buffer {
    if (glyphs[0] !== 0 || new Set(glyphs).size !== glyphs.length) throw new Error('.notdef first, each glyph once');
    const b = this.b;
    const usedGlobal = new Set<number>();
    const usedLocal = this.fds.map(() => new Set<number>());
    for (const g of glyphs) this.markSubrs(g, usedGlobal, usedLocal);
    const bytes = ([s, e]: Range) => b.subarray(s, e);
    const subrs = (index: Index, used: Set<number>) =>
      writeIndex(Array.from({ length: index.length }, (_, i) => (used.has(i) ? bytes(index.item(i)!) : RETURN)));

    const globalSubrs = subrs(this.globalSubrs, usedGlobal);
    const charStrings = writeIndex(glyphs.map((g) => bytes(this.charStrings.item(g)!)));
    // Format 2, one range: CIDs 1… for glyphs 1… (a lone .notdef: format 0, no entries).
    const charset =
      glyphs.length > 1
        ? Buffer.from([2, 0, 1, (glyphs.length - 2) >> 8, (glyphs.length - 2) & 0xff])
        : Buffer.from([0]);
    const fdSelect = Buffer.from([0, ...glyphs.map((g) => this.fdOf[g]!)]); // format 0
    const privates = this.fds.map((fd, i) => {
      const local = fd.subrs && subrs(fd.subrs, usedLocal[i]!);
      const dict = (at: number) => writeDict(fd.privateEntries, new Map(local ? [[OP.Subrs, [at]]] : []));
      const size = dict(0).length;
      return { size, data: Buffer.concat([dict(size), local ?? Buffer.alloc(0)]) };
    });

    const header = Buffer.from([1, 0, 4, 4]);
    const topDict = (o: Map<number, number[]>) => writeIndex([writeDict(this.topEntries, o)]);
    const fixed = [OP.charset, OP.CharStrings, OP.FDSelect, OP.FDArray];
    const topLength = topDict(new Map(fixed.map((op) => [op, [0]]))).length;
    let at = header.length + bytes(this.name).length + topLength + bytes(this.strings).length + globalSubrs.length;
    const charsetAt = at;
    const selectAt = (at += charset.length);
    const charStringsAt = (at += fdSelect.length);
    const fdArrayAt = (at += charStrings.length);
    const fdArrayLength = writeIndex(
      this.fds.map((fd) => writeDict(fd.entries, new Map([[OP.Private, [0, 0]]]))),
    ).length;
    let privateAt = at + fdArrayLength;
    const fdArray = writeIndex(
      this.fds.map((fd, i) => {
        const entry = writeDict(fd.entries, new Map([[OP.Private, [privates[i]!.size, privateAt]]]));
        privateAt += privates[i]!.data.length;
        return entry;
      }),
    );
    const top = topDict(
      new Map([
        [OP.charset, [charsetAt]],
        [OP.CharStrings, [charStringsAt]],
        [OP.FDSelect, [selectAt]],
        [OP.FDArray, [fdArrayAt]],
      ]),
    );
    return Buffer.concat([
      header,
      bytes(this.name),
      top,
      bytes(this.strings),
      globalSubrs,
      charset,
      fdSelect,
      charStrings,
      fdArray,
      ...privates.map((p) => p.data),
    ]);
  }
}

export interface OpenTypeFont {
  /** The PostScript name (the CFF's font name). */
  name: string;
  unitsPerEm: number;
  ascender: number;
  descender: number;
  lineGap: number;
  capHeight: number;
  bbox: [number, number, number, number];
  /** The glyph id of a character; 0 (.notdef) when the font lacks it. */
  glyphOf(codePoint: number): number;
  /** The advance width of a glyph, in font units. */
  advanceOf(gid: number): number;
  /** The CFF table of these glyphs (.notdef first), glyph and CID i being `glyphs[i]`: a PDF's FontFile3. */
  subset(glyphs: number[]): Buffer;
}

export function readOpenType(font: Buffer): OpenTypeFont {
  const tables = new Map<string, Buffer>();
  for (let i = 0, n = font.readUInt16BE(4); i < n; i++) {
    const at = 12 + i * 16;
    const offset = font.readUInt32BE(at + 8);
    tables.set(font.toString('latin1', at, at + 4), font.subarray(offset, offset + font.readUInt32BE(at + 12)));
  }
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`the font has no ${tag.trim()} table`);
    return t;
  };
  const head = table('head');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const os2 = tables.get('OS/2');
  const cff = new Cff(table('CFF '));
  const metrics = hhea.readUInt16BE(34);

  return {
    name: cff.fontName,
    unitsPerEm: head.readUInt16BE(18),
    ascender: hhea.readInt16BE(4),
    descender: hhea.readInt16BE(6),
    lineGap: hhea.readInt16BE(8),
    capHeight: os2 && os2.readUInt16BE(0) >= 2 ? os2.readInt16BE(88) : hhea.readInt16BE(4),
    bbox: [head.readInt16BE(36), head.readInt16BE(38), head.readInt16BE(40), head.readInt16BE(42)],
    glyphOf: cmapLookup(table('cmap')),
    advanceOf: (gid) => hmtx.readUInt16BE(Math.min(gid, metrics - 1) * 4),
    subset: (gids) => cff.subset(gids),
  };
}

/** The character → glyph lookup of the font's Unicode cmap: format 12 (all planes) if present, else format 4. */
function cmapLookup(cmap: Buffer): (codePoint: number) => number {
  const subtables = Array.from({ length: cmap.readUInt16BE(2) }, (_, i) => ({
    platform: cmap.readUInt16BE(4 + i * 8),
    encoding: cmap.readUInt16BE(6 + i * 8),
    at: cmap.readUInt32BE(8 + i * 8),
  })).filter((s) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10)));
  const full = subtables.find((s) => cmap.readUInt16BE(s.at) === 12);
  if (full) {
    const t = cmap.subarray(full.at);
    const groups = t.readUInt32BE(12);
    return (c) => {
      for (let lo = 0, hi = groups - 1; lo <= hi;) {
        const mid = (lo + hi) >> 1;
        const at = 16 + mid * 12;
        if (c < t.readUInt32BE(at)) hi = mid - 1;
        else if (c > t.readUInt32BE(at + 4)) lo = mid + 1;
        else return t.readUInt32BE(at + 8) + c - t.readUInt32BE(at);
      }
      return 0;
    };
  }
  const bmp = subtables.find((s) => cmap.readUInt16BE(s.at) === 4);
  if (!bmp) throw new Error('the font has no Unicode cmap');
  const t = cmap.subarray(bmp.at);
  const segs = t.readUInt16BE(6) >> 1;
  const ends = 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  return (c) => {
    if (c > 0xffff) return 0;
    for (let s = 0; s < segs; s++) {
      if (c > t.readUInt16BE(ends + s * 2)) continue;
      const start = t.readUInt16BE(starts + s * 2);
      if (c < start) return 0;
      const delta = t.readUInt16BE(deltas + s * 2);
      const ro = t.readUInt16BE(rangeOffsets + s * 2);
      if (ro === 0) return (c + delta) & 0xffff;
      const g = t.readUInt16BE(rangeOffsets + s * 2 + ro + (c - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}
