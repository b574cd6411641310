import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { subscribeDataProblem } from '../../../infra/local/wechat-stand-in';
import { characterString, nameValue, phrase, safeData, thing, timeValue, truncate } from './template-data';

const cps = (s: string) => [...s].length;

describe('subscribe-message data limits', () => {
  it('truncates a long thing to 19 characters + …', () => {
    const v = thing('高精度五轴联动数控系统国产化攻关及产业化应用示范');
    expect(cps(v)).toBe(20);
    expect(v.endsWith('…')).toBe(true);
    expect(v).toBe('高精度五轴联动数控系统国产化攻关及产业…');
  });

  it('keeps values at the limit as they are', () => {
    expect(thing('一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(30);
    const v = thing(emoji);
    expect(cps(v)).toBe(20);
    expect(v).toBe('😀'.repeat(19) + '…');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(v)).toBe(false);
  });

  it('phrase keeps 1–5 Chinese characters only', () => {
    expect(phrase('已转报至工业和信息化部')).toBe('已转报至工');
    expect(phrase('OK')).toBe('有更新');
    expect(phrase('退回 (1)')).toBe('退回');
  });

  it('character_string and name', () => {
    expect(characterString('编号 ABC-123')).toBe('ABC-123');
    expect(cps(characterString('x'.repeat(50)))).toBe(32);
    expect(nameValue('欧阳王李张陈刘黄周吴郑')).toBe('欧阳王李张陈刘黄周…');
    expect(nameValue('Alexander Hamilton-Washington')).toHaveLength(20);
  });

  it('time is Shanghai wall time', () => {
    expect(timeValue('2027-03-31T09:00:00Z')).toBe('2027-03-31 17:00');
  });

  it('whatever the input, the stand-in (which applies WeChat’s rules) accepts the data', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 30 }), (a, b) => {
        const data = safeData({
          thing1: a,
          phrase2: b,
          character_string3: b,
          name4: a,
          time5: timeValue('2027-01-02T03:04:05Z'),
        });
        expect(subscribeDataProblem(data)).toBeNull();
      }),
    );
  });
});
