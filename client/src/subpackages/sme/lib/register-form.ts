/**
 * 企业注册's form: its values, the options it offers, the live credit-code check and the request it becomes.
 * Pure apart from the draft kept on the device.
 */
import Taro from '@tarojs/taro';
import {
  AUTHORITY_REGIONS,
  CREDIT_CODE_MESSAGES,
  INDUSTRIES,
  QUALIFICATIONS,
  creditCodeProblem,
  divisionOfCreditCode,
  institutionCodeProblem,
  isInstitutionKind,
  requiredMetrics,
} from '@jiebang/shared';
import type { IndustryKey, Metric } from '@jiebang/shared';
import { numberOrUndefined, textOrUndefined } from '../../../lib/form-errors';

export type QualificationKey = keyof typeof QUALIFICATIONS;

/** Enterprises, and (library area) 高校, 科研院所, 服务机构: no 300号 classification for them. */
export type RegisterKind = 'sme' | 'large' | 'university' | 'institute' | 'service';

export interface RegisterForm {
  kind: RegisterKind;
  name: string;
  creditCode: string;
  region: string;
  industry: IndustryKey | '';
  employees: string;
  revenue: string;
  assets: string;
  qualifications: QualificationKey[];
  shareholder: string;
  contactName: string;
  contactTitle: string;
  contactPhone: string;
  contactEmail: string;
}

export const EMPTY: RegisterForm = {
  kind: 'sme',
  name: '',
  creditCode: '',
  region: '',
  industry: '',
  employees: '',
  revenue: '',
  assets: '',
  qualifications: [],
  shareholder: '',
  contactName: '',
  contactTitle: '',
  contactPhone: '',
  contactEmail: '',
};

/** The form survives leaving the page: kept on the device until the registration succeeds. */
export const DRAFT_KEY = 'jiebang.registerDraft';

export const KIND_OPTIONS = [
  ['sme', '中小企业'],
  ['large', '大型企业'],
  // 科技成果赋智 (library area)
  ['university', '高校'],
  ['institute', '科研院所'],
  ['service', '服务机构'],
] as const;

/** 高校, 科研院所 and 服务机构 register without the 300号 figures (library area). */
export const isInstitutionForm = (kind: RegisterKind): kind is 'university' | 'institute' | 'service' =>
  isInstitutionKind(kind);

export const METRICS: Record<Metric, { label: string; unit: string; type: 'number' | 'digit'; hint: string }> = {
  employees: { label: '从业人员', unit: '人', type: 'number', hint: '上年末从业人员数' },
  revenue: { label: '营业收入', unit: '万元', type: 'digit', hint: '上一会计年度营业收入' },
  assets: { label: '资产总额', unit: '万元', type: 'digit', hint: '上年末资产总额' },
};

export const REGION_OPTIONS = Object.entries(AUTHORITY_REGIONS).map(
  ([code, name]) => [code, `${name}（${code}）`] as const,
);
export const INDUSTRY_OPTIONS = Object.entries(INDUSTRIES) as [IndustryKey, string][];
export const QUALIFICATION_OPTIONS = Object.entries(QUALIFICATIONS) as [QualificationKey, string][];

export const normaliseCode = (v: string) => v.toUpperCase().replace(/[\s-]/g, '').slice(0, 18);
const PARTIAL_CODE = /^[0-9A-HJ-NP-RTUW-Y]*$/;

/**
 * The live state of a credit code as the user types it; for an institution (library area) also the registering
 * category its kind allows (1 机构编制, 5 民政; 9 for a service company), as the server checks.
 */
export function codeStatus(
  code: string,
  kind?: RegisterKind,
): { kind: 'empty' | 'typing' | 'ok' | 'error'; text: string } {
  if (code === '') return { kind: 'empty', text: '' };
  if (!PARTIAL_CODE.test(code)) return { kind: 'error', text: CREDIT_CODE_MESSAGES.charset };
  if (kind && isInstitutionForm(kind)) {
    const category = institutionCodeProblem(kind, code);
    if (category) return { kind: 'error', text: category };
  }
  if (code.length < 18) return { kind: 'typing', text: `已输入 ${code.length}/18 位` };
  const problem = creditCodeProblem(code);
  if (problem) return { kind: 'error', text: CREDIT_CODE_MESSAGES[problem] };
  return { kind: 'ok', text: `校验通过 · 登记管理机关行政区划 ${divisionOfCreditCode(code)}` };
}

/** The message under a credit-code field: problems at once, an unfinished code once the user tried to submit. */
export function codeError(
  status: ReturnType<typeof codeStatus>,
  tried: boolean,
  whenEmpty?: string,
): string | undefined {
  if (status.kind === 'error') return status.text;
  if (!tried) return undefined;
  if (status.kind === 'typing') return CREDIT_CODE_MESSAGES.length;
  if (status.kind === 'empty') return whenEmpty;
  return undefined;
}

export function toInput(f: RegisterForm): Record<string, unknown> {
  if (isInstitutionForm(f.kind)) {
    // No 300号 figures, qualifications or shareholder: the industry is 其他 (the schema asks for one).
    return {
      kind: f.kind,
      name: f.name,
      creditCode: f.creditCode,
      region: f.region,
      industry: 'other',
      contact: contactOf(f),
    };
  }
  const metrics = f.industry ? requiredMetrics(f.industry) : [];
  return {
    kind: f.kind,
    name: f.name,
    creditCode: f.creditCode,
    region: f.region,
    industry: f.industry || undefined,
    employees: metrics.includes('employees') ? numberOrUndefined(f.employees) : undefined,
    revenue: metrics.includes('revenue') ? numberOrUndefined(f.revenue) : undefined,
    assets: metrics.includes('assets') ? numberOrUndefined(f.assets) : undefined,
    qualifications: f.qualifications.length ? f.qualifications : undefined,
    controllingShareholderCreditCode: textOrUndefined(f.shareholder),
    contact: contactOf(f),
  };
}

const contactOf = (f: RegisterForm) => ({
  name: f.contactName,
  title: textOrUndefined(f.contactTitle),
  phone: f.contactPhone.trim(),
  email: textOrUndefined(f.contactEmail),
});

export function loadDraft(): RegisterForm {
  const raw: unknown = Taro.getStorageSync(DRAFT_KEY);
  if (!raw || typeof raw !== 'object') return EMPTY;
  return { ...EMPTY, ...(raw as Partial<RegisterForm>) };
}
