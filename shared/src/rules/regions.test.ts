import { describe, expect, it } from '@jest/globals';
import { AUTHORITY_REGION_CODES, authorityRegionOf, regionName } from './regions';

describe('authority regions', () => {
  it('has 31 provinces, 5 计划单列市 and the 兵团: 37 authorities', () => {
    expect(AUTHORITY_REGION_CODES).toHaveLength(37);
  });

  it.each([
    ['330203', '330200'], // 宁波 海曙区 → 宁波, not 浙江
    ['330106', '330000'], // 杭州 西湖区 → 浙江
    ['440305', '440300'], // 深圳 南山区 → 深圳
    ['440106', '440000'], // 广州 天河区 → 广东
    ['210204', '210200'], // 大连
    ['370202', '370200'], // 青岛
    ['350203', '350200'], // 厦门
    ['210102', '210000'], // 沈阳 → 辽宁
    ['660100', '660000'], // 兵团
    ['650102', '650000'], // 乌鲁木齐 → 新疆
    ['110105', '110000'], // 北京 朝阳区
    ['500103', '500000'], // 重庆
  ])('%s belongs to the authority %s', (division, authority) => {
    expect(authorityRegionOf(division)).toBe(authority);
  });

  it('has no authority for 台湾, 香港, 澳门 or malformed codes', () => {
    for (const c of ['710000', '810000', '820000', '999999', '44030', 'abcdef', ''])
      expect(authorityRegionOf(c)).toBeNull();
  });

  it('names regions', () => {
    expect(regionName('330200')).toBe('宁波市');
    expect(regionName('660000')).toBe('新疆生产建设兵团');
  });
});
