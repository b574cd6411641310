/**
 * Authority regions (domain.md): 31 provincial-level divisions (GB/T 2260, first two digits + 0000), the five
 * 计划单列市 with their own SME authority, and 新疆生产建设兵团. An enterprise belongs to the most specific
 * authority whose code prefix matches its administrative division code.
 */

export const PROVINCES: Readonly<Record<string, string>> = {
  '110000': '北京市',
  '120000': '天津市',
  '130000': '河北省',
  '140000': '山西省',
  '150000': '内蒙古自治区',
  '210000': '辽宁省',
  '220000': '吉林省',
  '230000': '黑龙江省',
  '310000': '上海市',
  '320000': '江苏省',
  '330000': '浙江省',
  '340000': '安徽省',
  '350000': '福建省',
  '360000': '江西省',
  '370000': '山东省',
  '410000': '河南省',
  '420000': '湖北省',
  '430000': '湖南省',
  '440000': '广东省',
  '450000': '广西壮族自治区',
  '460000': '海南省',
  '500000': '重庆市',
  '510000': '四川省',
  '520000': '贵州省',
  '530000': '云南省',
  '540000': '西藏自治区',
  '610000': '陕西省',
  '620000': '甘肃省',
  '630000': '青海省',
  '640000': '宁夏回族自治区',
  '650000': '新疆维吾尔自治区',
};

/** 计划单列市 with their own SME authority, and the 兵团. Prefix length decides precedence. */
export const SEPARATE_AUTHORITIES: Readonly<Record<string, string>> = {
  '210200': '大连市',
  '370200': '青岛市',
  '330200': '宁波市',
  '350200': '厦门市',
  '440300': '深圳市',
  '660000': '新疆生产建设兵团',
};

export const AUTHORITY_REGIONS: Readonly<Record<string, string>> = { ...PROVINCES, ...SEPARATE_AUTHORITIES };
export const AUTHORITY_REGION_CODES = Object.keys(AUTHORITY_REGIONS) as [string, ...string[]];

/**
 * The authority region code responsible for a six-digit administrative division code, or null when the
 * division is not in any authority region (e.g. 71 台湾, 81/82 港澳, or malformed input).
 */
export function authorityRegionOf(divisionCode: string): string | null {
  if (!/^\d{6}$/.test(divisionCode)) return null;
  const city = `${divisionCode.slice(0, 4)}00`;
  if (city !== '660000' && SEPARATE_AUTHORITIES[city]) return city;
  const province = `${divisionCode.slice(0, 2)}0000`;
  if (SEPARATE_AUTHORITIES[province]) return province; // 66 兵团
  return PROVINCES[province] ? province : null;
}

/** Display name of an authority region code ("宁波市"), or the code itself when unknown. */
export function regionName(code: string): string {
  return AUTHORITY_REGIONS[code] ?? code;
}
