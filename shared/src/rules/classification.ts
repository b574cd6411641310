/**
 * 《中小企业划型标准规定》(工信部联企业〔2011〕300号) as data. "X以下" is `<`, "X及以上" is `>=`.
 * An enterprise is an SME when it is under ANY part of the first threshold (the notice's "或"); inside SMEs it
 * is medium when it meets BOTH medium lower bounds, else small when it meets both small lower bounds, else micro.
 */
import { INDUSTRIES, type IndustryKey } from '../constants';

export type Metric = 'employees' | 'revenue' | 'assets';
export type Size = 'large' | 'medium' | 'small' | 'micro';
export type Figures = Partial<Record<Metric, number>>;

type Bound = Partial<Record<Metric, number>>;
interface Row {
  /** SME when any of these "< X" holds. */
  smeUnder: Bound;
  /** Medium when all of these ">= X" hold. */
  medium: Bound;
  /** Small when all of these ">= X" hold. */
  small: Bound;
}

export const CLASSIFICATION_TABLE: Readonly<Record<IndustryKey, Row>> = {
  agriculture: { smeUnder: { revenue: 20000 }, medium: { revenue: 500 }, small: { revenue: 50 } },
  industry: {
    smeUnder: { employees: 1000, revenue: 40000 },
    medium: { employees: 300, revenue: 2000 },
    small: { employees: 20, revenue: 300 },
  },
  construction: {
    smeUnder: { revenue: 80000, assets: 80000 },
    medium: { revenue: 6000, assets: 5000 },
    small: { revenue: 300, assets: 300 },
  },
  wholesale: {
    smeUnder: { employees: 200, revenue: 40000 },
    medium: { employees: 20, revenue: 5000 },
    small: { employees: 5, revenue: 1000 },
  },
  retail: {
    smeUnder: { employees: 300, revenue: 20000 },
    medium: { employees: 50, revenue: 500 },
    small: { employees: 10, revenue: 100 },
  },
  transport: {
    smeUnder: { employees: 1000, revenue: 30000 },
    medium: { employees: 300, revenue: 3000 },
    small: { employees: 20, revenue: 200 },
  },
  warehousing: {
    smeUnder: { employees: 200, revenue: 30000 },
    medium: { employees: 100, revenue: 1000 },
    small: { employees: 20, revenue: 100 },
  },
  postal: {
    smeUnder: { employees: 1000, revenue: 30000 },
    medium: { employees: 300, revenue: 2000 },
    small: { employees: 20, revenue: 100 },
  },
  accommodation: {
    smeUnder: { employees: 300, revenue: 10000 },
    medium: { employees: 100, revenue: 2000 },
    small: { employees: 10, revenue: 100 },
  },
  catering: {
    smeUnder: { employees: 300, revenue: 10000 },
    medium: { employees: 100, revenue: 2000 },
    small: { employees: 10, revenue: 100 },
  },
  information_transmission: {
    smeUnder: { employees: 2000, revenue: 100000 },
    medium: { employees: 100, revenue: 1000 },
    small: { employees: 10, revenue: 100 },
  },
  software_it: {
    smeUnder: { employees: 300, revenue: 10000 },
    medium: { employees: 100, revenue: 1000 },
    small: { employees: 10, revenue: 50 },
  },
  real_estate: {
    smeUnder: { revenue: 200000, assets: 10000 },
    medium: { revenue: 1000, assets: 5000 },
    small: { revenue: 100, assets: 2000 },
  },
  property_management: {
    smeUnder: { employees: 1000, revenue: 5000 },
    medium: { employees: 300, revenue: 1000 },
    small: { employees: 100, revenue: 500 },
  },
  leasing_business: {
    smeUnder: { employees: 300, assets: 120000 },
    medium: { employees: 100, assets: 8000 },
    small: { employees: 10, assets: 100 },
  },
  other: { smeUnder: { employees: 300 }, medium: { employees: 100 }, small: { employees: 10 } },
};

const METRIC_LABELS: Record<Metric, string> = { employees: '从业人员', revenue: '营业收入', assets: '资产总额' };
const UNIT: Record<Metric, string> = { employees: '人', revenue: '万元', assets: '万元' };
export const SIZE_LABELS: Record<Size, string> = {
  large: '大型企业',
  medium: '中型企业',
  small: '小型企业',
  micro: '微型企业',
};

/** The figures an industry's row needs; a missing one is a validation error, never a guess. */
export function requiredMetrics(industry: IndustryKey): Metric[] {
  const row = CLASSIFICATION_TABLE[industry];
  return (['employees', 'revenue', 'assets'] as const).filter(
    (m) => m in row.smeUnder || m in row.medium || m in row.small,
  );
}

export type ClassifyResult =
  | { ok: true; size: Size; isSme: boolean; rule: string }
  | { ok: false; missing: Metric[]; messages: Partial<Record<Metric, string>> };

const meetsAll = (b: Bound, f: Figures) => Object.entries(b).every(([m, x]) => (f[m as Metric] as number) >= x);
const describe = (b: Bound, op: string, join: string) =>
  Object.entries(b)
    .map(([m, x]) => `${METRIC_LABELS[m as Metric]}${x}${UNIT[m as Metric]}${op}`)
    .join(join);

/** Classify an enterprise of `industry` with its figures (employees in persons, money in 万元). */
export function classify(industry: IndustryKey, figures: Figures): ClassifyResult {
  const row = CLASSIFICATION_TABLE[industry];
  const missing = requiredMetrics(industry).filter((m) => typeof figures[m] !== 'number' || Number.isNaN(figures[m]));
  if (missing.length > 0) {
    return {
      ok: false,
      missing,
      messages: Object.fromEntries(
        missing.map((m) => [m, `${INDUSTRIES[industry]}划型需要${METRIC_LABELS[m]}（${UNIT[m]}）`]),
      ),
    };
  }
  const name = INDUSTRIES[industry];
  const isSme = Object.entries(row.smeUnder).some(([m, x]) => (figures[m as Metric] as number) < x);
  if (!isSme) {
    return {
      ok: true,
      size: 'large',
      isSme: false,
      rule: `${name}：${describe(row.smeUnder, '及以上', '且')}，为大型企业`,
    };
  }
  if (meetsAll(row.medium, figures)) {
    return {
      ok: true,
      size: 'medium',
      isSme: true,
      rule: `${name}：${describe(row.medium, '及以上', '且')}，为中型企业`,
    };
  }
  if (meetsAll(row.small, figures)) {
    return {
      ok: true,
      size: 'small',
      isSme: true,
      rule: `${name}：${describe(row.small, '及以上', '且')}，为小型企业`,
    };
  }
  return {
    ok: true,
    size: 'micro',
    isSme: true,
    rule: `${name}：未达到小型企业标准（${describe(row.small, '及以上', '且')}），为微型企业`,
  };
}
