import * as z from 'zod';
import { FIELD_KEYS, INDUSTRY_KEYS, QUALIFICATION_KEYS } from '../constants';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../rules/credit-code';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../rules/affiliate-rows';
import { AUTHORITY_REGIONS } from '../rules/regions';
import { freeText, idOut, listQuerySchema, nameOut, regionOut, stampOut, storableNumber, textField } from './common';
import { contactOutSchema, contactSchema } from './demand';

/** 统一社会信用代码, upper-cased and trimmed before the GB 32100-2015 check. */
export const creditCodeSchema = /* @__PURE__ */ (() =>
  z
    .string({ error: '请填写统一社会信用代码' })
    .max(64, '统一社会信用代码应为18位')
    .trim()
    .toUpperCase()
    .superRefine((code, ctx) => {
      const problem = creditCodeProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] });
    }))();

const figure = /* @__NO_SIDE_EFFECTS__ */ (label: string, unit: string) =>
  storableNumber({ error: `${label}应为数字（${unit}）` }, label)
    .min(0, `${label}不能为负数`)
    .max(1e9, `${label}过大`);

// 科技成果赋智 (library area): universities, institutes and service bodies register too (no 300号 classification).
export const ORG_KINDS = ['large', 'sme', 'university', 'institute', 'service'] as const;
export const ORG_SIZES = ['large', 'medium', 'small', 'micro'] as const;
/** What an applicant is, as applications carry it (`orgSize`): its 300号 size, or (SME 发榜) its institution kind. */
export const APPLICANT_CLASSES = [...ORG_SIZES, 'university', 'institute'] as const;

/** Six-digit administrative division code of the registered address (e.g. 440305). */
export const regionCodeSchema = /* @__PURE__ */ (() =>
  z.string({ error: '请选择注册地所在地区' }).regex(/^\d{6}$/, '请选择注册地所在地区（6 位行政区划代码）'))();

// --- 科技成果赋智 (library area, issue 15): the profile matching reads ---

/** PUT /v1/orgs/{id} `profile`: what the enterprise or institution can do (api.md "Enterprise and institution profiles"). */
export const orgProfileInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    summary: textField('机构简介', 1000),
    products: textField('主要产品与技术', 1000).optional(),
    techFields: z
      .array(z.enum(FIELD_KEYS, { error: '领域不正确' }))
      .max(5, '技术领域最多 5 项')
      .refine((f) => new Set(f).size === f.length, '技术领域不能重复'),
    keywords: z
      .array(textField('关键词', 20, 1))
      .max(20, '关键词最多 20 个')
      .refine((k) => new Set(k).size === k.length, '关键词不能重复'),
  }))();
export type OrgProfileInput = z.infer<typeof orgProfileInputSchema>;

/** The profile as stored and read back: the form and the weighted terms matching computed from it. */
export const orgProfileSchema = /* @__PURE__ */ (() =>
  z.object({
    summary: z.string().max(1000),
    products: z.string().max(1000).optional(),
    techFields: z.array(z.enum(FIELD_KEYS)).max(5),
    keywords: z.array(z.string().max(20)).max(20),
    terms: z
      .array(z.object({ term: z.string().max(50), weight: storableNumber() }))
      .max(20)
      .optional(),
  }))();

const orgFields = /* @__PURE__ */ (() => ({
  kind: z.enum(ORG_KINDS, { error: '请选择企业类型' }),
  name: freeText({ error: '请填写企业名称' }, '企业名称')
    .min(2, '企业名称至少 2 个字')
    .max(100, '企业名称不能超过 100 个字'),
  creditCode: creditCodeSchema,
  region: regionCodeSchema,
  industry: z.enum(INDUSTRY_KEYS, { error: '请选择所属行业' }),
  employees: figure('从业人员', '人').int('从业人员应为整数').optional(),
  revenue: figure('营业收入', '万元').optional(),
  assets: figure('资产总额', '万元').optional(),
  qualifications: z
    .array(z.enum(QUALIFICATION_KEYS, { error: '资质类型不正确' }))
    .max(4, '资质最多 4 项')
    .refine((q) => new Set(q).size === q.length, '资质不能重复')
    .optional(),
  controllingShareholderCreditCode: creditCodeSchema.optional(),
  contact: contactSchema,
}))();

/** POST /v1/orgs. */
export const orgInputSchema = /* @__PURE__ */ (() => z.strictObject(orgFields))();
export type OrgInput = z.infer<typeof orgInputSchema>;

/**
 * PUT /v1/orgs/{id}: the same form. `kind` and `creditCode` may be sent back unchanged (clients echo the whole
 * form) but never changed — one enterprise is one credit code. `version` is the one the client read (optimistic
 * locking); omit it to overwrite.
 */
export const orgUpdateSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    ...orgFields,
    kind: orgFields.kind.optional(),
    creditCode: creditCodeSchema.optional(),
    version: storableNumber({ error: '版本号应为数字' }, '版本号').int().min(0).max(1e9).optional(),
    profile: orgProfileInputSchema.optional(),
  }))();
export type OrgUpdate = z.infer<typeof orgUpdateSchema>;

export const orgSchema = /* @__PURE__ */ (() =>
  orgInputSchema.safeExtend({
    id: idOut,
    contact: contactOutSchema,
    /** Authority region (province, 计划单列市 or 兵团) the enterprise belongs to. */
    authorityRegion: regionOut.refine((c) => c in AUTHORITY_REGIONS),
    /** The 300号 size of an enterprise; institutions are not classified and have none. */
    size: z.enum(ORG_SIZES).optional(),
    /** What the organisation can do (matching reads it); `terms` are computed from it when it is written. */
    profile: z.lazy(() => orgProfileSchema).optional(),
    /** Optimistic-locking counter; absent on enterprises written before it existed (read as 0). */
    version: storableNumber().int().optional(),
    createdAt: stampOut,
    updatedAt: stampOut.optional(),
  }))();
export type Org = z.infer<typeof orgSchema>;

/** Something the user should check but that does not block the registration (e.g. region vs credit code). */
export const orgWarningSchema = /* @__PURE__ */ (() =>
  z.object({
    code: z.enum(['REGION_MISMATCH', 'ORGANISATION_CODE_CHECK', 'KIND_SIZE_MISMATCH']),
    field: z.string(),
    message: z.string(),
  }))();
export type OrgWarning = z.infer<typeof orgWarningSchema>;

export const sessionSchema = /* @__PURE__ */ (() =>
  z.object({
    token: z.string(),
    expiresAt: stampOut,
    user: z.object({ id: idOut, roles: z.array(z.string()), orgId: idOut.nullable() }),
  }))();

/** A changed org with the warnings of its check (GET answers the org alone). */
export const orgResponseSchema = /* @__PURE__ */ (() =>
  orgSchema.safeExtend({ warnings: z.array(orgWarningSchema) }))();

/**
 * 201 of POST /v1/orgs: the org, its warnings, and a fresh session — the caller is now its org_admin and the
 * token it holds still carries its old roles.
 */
export const orgCreatedSchema = /* @__PURE__ */ (() => orgResponseSchema.safeExtend({ session: sessionSchema }))();

/** POST /v1/tools/classify. */
export const classifyInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    industry: orgFields.industry,
    employees: orgFields.employees,
    revenue: orgFields.revenue,
    assets: orgFields.assets,
  }))();
export const classifyResponseSchema = /* @__PURE__ */ (() =>
  z.object({ size: z.enum(ORG_SIZES), isSme: z.boolean(), rule: z.string() }))();

export const AFFILIATE_RELATIONS = ['subsidiary', 'holding', 'supplier', 'other'] as const;
export const affiliateSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    creditCode: creditCodeSchema,
    name: freeText({ error: '企业名称应为文字' }, '企业名称').max(100, '企业名称不能超过 100 个字').optional(),
    relation: z.enum(AFFILIATE_RELATIONS, { error: '请选择关联关系（子公司、控股、供应商、其他）' }),
  }))();
export type Affiliate = z.infer<typeof affiliateSchema>;

/**
 * Most affiliates an issuer may declare: a large group's suppliers run to thousands (issue 16, item 7: the former
 * 500 went). A list that long is imported from .xlsx (POST /v1/orgs/{id}/affiliates/import); the PUT edits it.
 */
export const MAX_AFFILIATES = MAX_IMPORT_ROWS;
export const affiliatesInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    affiliates: z
      .array(affiliateSchema)
      .max(MAX_AFFILIATES, `关联企业最多 ${MAX_AFFILIATES} 家`)
      .refine((a) => new Set(a.map((x) => x.creditCode)).size === a.length, '关联企业的统一社会信用代码不能重复'),
  }))();
export const affiliatesResponseSchema = /* @__PURE__ */ (() => z.object({ affiliates: z.array(affiliateSchema) }))();

/**
 * GET /v1/orgs/{id}/affiliates: a page of the list in force, by name (拼音 order), `q` searching it — a whole
 * credit code finds that enterprise (one key lookup); anything else matches names containing it or codes
 * beginning with it.
 */
export const affiliatesQuerySchema = /* @__PURE__ */ (() =>
  listQuerySchema
    .extend({
      q: z
        .string({ error: '搜索内容应为文字' })
        .trim()
        .max(100, '搜索内容不能超过 100 个字')
        .optional()
        .transform((q) => (q === '' ? undefined : q)),
    })
    .strict())();
export const affiliatesPageSchema = /* @__PURE__ */ (() =>
  z.object({
    affiliates: z.array(affiliateSchema),
    nextCursor: z.string().nullable(),
    /** Entries matching `q` (the whole list without it). */
    total: storableNumber().int(),
    /** The same, by relation. */
    byRelation: z.partialRecord(z.enum(AFFILIATE_RELATIONS), storableNumber().int()),
  }))();
export type AffiliatesPage = z.infer<typeof affiliatesPageSchema>;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Key of an uploaded import file: the enterprise's folder and a server-chosen id. */
export const importKeySchema = /* @__PURE__ */ (() =>
  z
    .string({ error: '文件编号应为文字' })
    .regex(/^org\/[0-9A-Z]{26}\/[0-9A-Z]{26}\.xlsx$/, '文件编号格式不正确，请重新上传'))();
/** POST /v1/orgs/{id}/affiliates/uploads: the .xlsx the client is about to upload. */
export const affiliatesUploadInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    name: freeText({ error: '文件名应为文字' }, '文件名').min(1, '请填写文件名').max(100, '文件名不能超过 100 个字'),
    size: z
      .number({ error: '文件大小应为数字（字节）' })
      .int()
      .min(22, '文件为空')
      .max(MAX_IMPORT_BYTES, '名单文件不能超过 5 MB'),
  }))();
export const affiliatesUploadResponseSchema = /* @__PURE__ */ (() =>
  z.object({
    key: importKeySchema,
    upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()) }),
    expiresAt: stampOut,
  }))();
/** POST /v1/orgs/{id}/affiliates/import: the uploaded file replaces the whole list, or nothing changes. */
export const affiliatesImportInputSchema = /* @__PURE__ */ (() => z.strictObject({ key: importKeySchema }))();
export const affiliatesImportResponseSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Affiliates in the list now (the file's rows). */
    count: storableNumber().int(),
    /** Affiliates the list held before. */
    previousCount: storableNumber().int(),
  }))();

export const inviteResponseSchema = /* @__PURE__ */ (() => z.object({ code: z.string(), expiresAt: stampOut }))();
export const inviteParamsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    code: z.string().regex(/^[0-9A-Z]{12}$/, '邀请码格式不正确'),
  }))();
export const inviteAcceptedSchema = /* @__PURE__ */ (() =>
  z.object({
    org: z.object({ id: idOut, name: nameOut, kind: z.enum(ORG_KINDS) }),
    session: sessionSchema,
  }))();

// tech_manager: 技术经理人 of a service body or an institute (library area, issue 15).
export const ORG_ROLES = ['org_admin', 'org_member', 'reviewer', 'tech_manager'] as const;
export const memberRolesInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    roles: z
      .array(z.enum(ORG_ROLES, { error: '角色只能为 org_admin、org_member、reviewer、tech_manager' }))
      .min(1, '至少保留一个角色')
      .max(4)
      .refine((r) => r.includes('org_admin') || r.includes('org_member'), '成员须保留 org_admin 或 org_member 之一')
      .refine((r) => new Set(r).size === r.length, '角色不能重复'),
  }))();
export const memberSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    roles: z.array(z.string()),
    displayName: z.string().optional(),
  }))();
export type Member = z.infer<typeof memberSchema>;
