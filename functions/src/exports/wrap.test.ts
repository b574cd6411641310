/** The line breaking of the PDF forms (pdf.ts `wrap`), measured here one unit a character. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { wrap } from './pdf';

const width = (s: string) => [...s].length;

describe('wrap', () => {
  it('breaks between Chinese characters, filling each line', () => {
    expect(wrap('大企业技术创新需求表', 4, width)).toEqual(['大企业技', '术创新需', '求表']);
    // Beyond the BMP too (a rare name's character): still one wide character each.
    expect(wrap('𠀀𠀁ab', 2, width)).toEqual(['𠀀𠀁', 'ab']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    // 「。」 would start line 2: the character before it goes down with it.
    expect(wrap('一二三四。五六', 4, width)).toEqual(['一二三', '四。五六']);
    // 「（」 would end line 1: it goes down with what it opens.
    expect(wrap('一二三（四）', 4, width)).toEqual(['一二三', '（四）']);
  });

  it('keeps a Latin word or number whole, breaks at spaces and drops them there', () => {
    expect(wrap('代码 91110000MA01 abc', 14, width)).toEqual(['代码', '91110000MA01', 'abc']);
    expect(wrap('ab cd ef', 5, width)).toEqual(['ab cd', 'ef']);
  });

  it('cuts a word longer than the line, and keeps the text’s own line breaks and empty lines', () => {
    expect(wrap('abcdefghij', 4, width)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('声明：\r\n\n如有不实', 10, width)).toEqual(['声明：', '', '如有不实']);
    expect(wrap('a\tb\u0007c', 10, width)).toEqual(['a bc']);
  });

  it('loses no character and never overfills a line, whatever the text', () => {
    const unit = fc.constantFrom(...'大企业技术，。、（）《》“” ab19\n');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), fc.integer({ min: 1, max: 12 }), (text, w) => {
        const lines = wrap(text, w, width);
        for (const line of lines) expect(width(line)).toBeLessThanOrEqual(w);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});
