import * as z from 'zod';
import { INDUSTRY_KEYS, QUALIFICATION_KEYS } from '../constants';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../rules/credit-code';
import { AUTHORITY_REGIONS } from '../rules/regions';
import { contactSchema } from './demand';

/** 统一社会信用代码, upper-cased and trimmed before the GB 32100-2015 check. */
export const creditCodeSchema = z
  .string({ error: '请填写统一社会信用代码' })
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] });
  });

const figure = (label: string, unit: string) =>
  z.number({ error: `${label}应为数字（${unit}）` }).min(0, `${label}不能为负数`).max(1e9, `${label}过大`);

export const orgInputSchema = z.strictObject({
  kind: z.enum(['large', 'sme'], { error: '请选择企业类型' }),
  name: z.string().trim().min(2, '企业名称至少 2 个字').max(100, '企业名称不能超过 100 个字'),
  creditCode: creditCodeSchema,
  /** Six-digit administrative division code of the registered address (e.g. 440305). */
  region: z.string().regex(/^\d{6}$/, '请选择注册地所在地区（6 位行政区划代码）'),
  industry: z.enum(INDUSTRY_KEYS, { error: '请选择所属行业' }),
  employees: figure('从业人员', '人').int('从业人员应为整数').optional(),
  revenue: figure('营业收入', '万元').optional(),
  assets: figure('资产总额', '万元').optional(),
  qualifications: z.array(z.enum(QUALIFICATION_KEYS)).max(4).optional(),
  controllingShareholderCreditCode: creditCodeSchema.optional(),
  contact: contactSchema,
});
export type OrgInput = z.infer<typeof orgInputSchema>;

export const orgSchema = orgInputSchema.safeExtend({
  id: z.string(),
  /** Authority region (province, 计划单列市 or 兵团) the enterprise belongs to. */
  authorityRegion: z.string().refine((c) => c in AUTHORITY_REGIONS),
  size: z.enum(['large', 'medium', 'small', 'micro']),
  createdAt: z.string(),
});
export type Org = z.infer<typeof orgSchema>;
