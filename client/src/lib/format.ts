import { AUTHORITY_REGIONS, DEMAND_TYPES, DEPARTMENTS, FIELDS, authorityRegionOf, regionName } from '@jiebang/shared';
import type { CatalogueItem } from '@jiebang/shared';

/** Shown instead of the issuer when it chose anonymity (the API sends `issuer: null`). */
export const ANONYMOUS_ISSUER = '匿名发榜企业';

export function issuerText(item: Pick<CatalogueItem, 'issuer'>): string {
  return item.issuer?.name ?? ANONYMOUS_ISSUER;
}

/** "预算 500 万元", or "面议" when the issuer left the amount open. */
export function budgetText(budget: CatalogueItem['budget']): string {
  if (budget.amount === undefined) return '面议';
  // Plain digits: Intl is unreliable in mini-program JS engines.
  const amount = String(Math.round(budget.amount * 100) / 100);
  return budget.negotiable ? `预算 ${amount} 万元（可议）` : `预算 ${amount} 万元`;
}

export function fieldText(field: CatalogueItem['field']): string {
  return FIELDS[field];
}

export function demandTypeText(type: CatalogueItem['demandType']): string {
  return DEMAND_TYPES[type];
}

/** Name of a region code: an authority region ("440300" → 深圳市), else the authority of a division code. */
export function regionText(code: string): string {
  if (AUTHORITY_REGIONS[code]) return regionName(code);
  const authority = authorityRegionOf(code);
  return authority ? regionName(authority) : code;
}

const FIXED_ROLES: Readonly<Record<string, string>> = {
  ministry: '工业和信息化部',
  admin: '平台管理员',
  org_admin: '企业管理员',
  org_member: '企业成员',
  reviewer: '评审专家',
  tech_manager: '技术经理人',
};

/** Chinese name of a role string of the API ("province:440000" → "广东省主管部门"). */
export function roleText(role: string): string {
  const fixed = FIXED_ROLES[role];
  if (fixed) return fixed;
  const m = /^province:(\d{6})$/.exec(role);
  if (m?.[1]) return `${regionName(m[1])}主管部门`;
  // 221号 to the letter (issue 16)
  const dept = /^department:(\w+)$/.exec(role)?.[1];
  if (dept && dept in DEPARTMENTS) return `工业和信息化部${DEPARTMENTS[dept as keyof typeof DEPARTMENTS]}`;
  return role;
}

export const ORG_KINDS = {
  large: '大企业（发榜方）',
  sme: '中小企业（揭榜方）',
  // 科技成果赋智 (library area)
  university: '高校',
  institute: '科研院所',
  service: '服务机构',
} as const;
export const ORG_SIZES = { large: '大型企业', medium: '中型企业', small: '小型企业', micro: '微型企业' } as const;
