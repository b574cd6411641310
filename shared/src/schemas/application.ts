import * as z from 'zod';
import { ACCEPTANCE_OUTCOME_KEYS, FIELD_KEYS } from '../constants';
import { APPLICATION_STATUS_KEYS } from '../rules/application-state';
import { idOut, listQuerySchema, nameOut, regionOut, stampOut, storableNumber, textField } from './common';
import { DEMAND_CHANNELS, stampedScanSchema } from './demand';
import { APPLICANT_CLASSES } from './org';

const text = textField;

const count = /* @__NO_SIDE_EFFECTS__ */ (label: string, min: number, max: number) =>
  storableNumber({ error: `${label}应为数字` }, label)
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能超过 ${max}`);

/** Most bytes of the scanned, stamped application (PDF). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/** Key of an uploaded attachment: the enterprise's folder and a server-chosen id (see POST /v1/orgs/{id}/attachments). */
export const attachmentKeySchema = /* @__PURE__ */ (() =>
  z
    .string({ error: '附件编号应为文字' })
    .regex(/^org\/[0-9A-Z]{26}\/[0-9A-Z]{26}\.pdf$/, '附件编号格式不正确，请重新上传'))();

export const attachmentRefSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    key: attachmentKeySchema,
    name: text('附件名称', 100, 1),
  }))();

export const ACCEPTANCE_RESULTS = ['passed', 'failed'] as const;

/** 验收 of a selected application as recorded by the issuer (POST /v1/applications/{id}/acceptance). */
export const acceptanceSchema = /* @__PURE__ */ (() =>
  z.object({
    result: z.enum(ACCEPTANCE_RESULTS),
    supplierCatalogue: z.boolean(),
    /** 221号 to the letter (issue 16): absent on acceptances recorded before it (see acceptanceOutcomeOf). */
    outcome: z.enum(ACCEPTANCE_OUTCOME_KEYS).optional(),
    comment: z.string().max(1000),
    /**
     * The acceptance report. `key` (the upload's storage key, which names the issuer's enterprise) is given only to
     * the issuer's own members; everyone else reads the name alone, so an anonymous issuer stays anonymous.
     */
    report: z.object({ key: attachmentKeySchema.optional(), name: z.string().max(100) }).optional(),
    recordedAt: stampOut,
  }))();
export type Acceptance = z.infer<typeof acceptanceSchema>;

/** The 揭榜申请书 (POST /v1/demands/{id}/applications, PUT /v1/applications/{id}); limits of api.md. */
export const applicationInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    team: z
      .strictObject({
        leader: z.strictObject({ name: text('负责人姓名', 20, 1), title: text('负责人职务/职称', 30, 1) }),
        memberCount: count('团队人数', 1, 100_000),
        rndStaffCount: count('研发人员数', 0, 100_000),
        keyMembers: z
          .array(
            z.strictObject({
              name: text('骨干成员姓名', 20, 1),
              title: text('骨干成员职称', 30, 1),
              role: text('骨干成员分工', 50, 1),
            }),
          )
          .max(20, '骨干成员最多 20 人'),
      })
      .refine((t) => t.rndStaffCount <= t.memberCount, {
        path: ['rndStaffCount'],
        message: '研发人员数不能超过团队人数',
      }),
    capability: z.strictObject({
      rndSpendingRatio: z
        .number({ error: '研发投入占比应为数字（%）' })
        .min(0, '研发投入占比不能为负数')
        .max(100, '研发投入占比不能超过 100%'),
      inventionPatents: count('发明专利数', 0, 1_000_000),
      otherIp: text('其他知识产权', 2000).optional(),
      platforms: text('研发平台/实验室', 2000).optional(),
      pastProjects: text('相关项目经历', 2000).optional(),
    }),
    plan: z.strictObject({
      route: text('技术路线', 5000, 1),
      innovations: text('创新点', 2000, 1),
      milestones: z
        .array(
          z.strictObject({
            month: z.string({ error: '里程碑月份应为文字' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
            deliverable: text('阶段成果', 200, 1),
          }),
        )
        .min(1, '至少填写一个里程碑')
        .max(24, '里程碑最多 24 个'),
      expectedResults: text('预期成果', 2000, 1),
      risks: text('风险及应对', 2000).optional(),
    }),
    match: text('与需求匹配度说明', 2000, 1),
    budget: z
      .strictObject({
        amount: storableNumber({ error: '预算应为数字（万元）' })
          .min(0, '预算不能为负数')
          .max(10_000_000, '预算金额过大'),
        note: text('预算说明', 500).optional(),
      })
      .optional(),
    declaration: z.strictObject({
      notAffiliated: z.literal(true, { error: '请声明本企业不是发榜企业的子公司、控股公司、供应商或其他关联企业' }),
    }),
    attachments: z
      .array(attachmentRefSchema)
      .max(MAX_ATTACHMENTS, `附件最多 ${MAX_ATTACHMENTS} 个`)
      .refine((a) => new Set(a.map((x) => x.key)).size === a.length, '附件不能重复')
      .optional(),
  }))();
export type ApplicationInput = z.infer<typeof applicationInputSchema>;

/** PUT /v1/applications/{id}: the form and the version the client read (optimistic locking). */
export const applicationUpdateSchema = /* @__PURE__ */ (() =>
  applicationInputSchema.safeExtend({
    version: storableNumber({ error: '请提供读取时的版本号 version' }).int().min(1).max(1e9),
  }))();

/** An application as the applicant and, where allowed, the authorities and the issuer see it. */
export const applicationSchema = /* @__PURE__ */ (() =>
  applicationInputSchema.safeExtend({
    id: idOut,
    demandId: idOut,
    demandTitle: nameOut,
    /** The demand's field and how the demand was submitted (省级转报 / 直接报送), copied when the application is made. */
    demandField: z.enum(FIELD_KEYS).optional(),
    demandChannel: z.enum(DEMAND_CHANNELS).optional(),
    orgId: idOut,
    orgName: nameOut,
    orgSize: z.enum(APPLICANT_CLASSES),
    /** The applicant's authority region: the province (or 计划单列市 / 兵团) that pre-reviews it. */
    authorityRegion: regionOut,
    status: z.enum(APPLICATION_STATUS_KEYS),
    version: storableNumber().int(),
    createdAt: stampOut,
    updatedAt: stampOut,
    submittedAt: stampOut.optional(),
    forwardedAt: stampOut.optional(),
    releasedAt: stampOut.optional(),
    withdrawnAt: stampOut.optional(),
    /** When the issuer's selection decided it (selected / not selected). */
    decidedAt: stampOut.optional(),
    /** The authority's reason when it returned the application (shown to the applicant). */
    returnReason: z.string().max(500).optional(),
    withdrawReason: z.string().max(500).optional(),
    /** The issuer's 验收, once recorded (accepted / acceptance_failed). */
    acceptance: acceptanceSchema.optional(),
    // 221号 on paper (issue 16, item 6)
    /** The stamped 申请书, scanned and uploaded by the applicant. */
    stampedScan: stampedScanSchema.optional(),
  }))();
export type Application = z.infer<typeof applicationSchema>;

/** A line of a review queue or of "my applications". */
export const applicationSummarySchema = /* @__PURE__ */ (() =>
  applicationSchema.pick({
    id: true,
    demandId: true,
    demandTitle: true,
    demandField: true,
    demandChannel: true,
    orgId: true,
    orgName: true,
    orgSize: true,
    authorityRegion: true,
    status: true,
    version: true,
    createdAt: true,
    updatedAt: true,
    submittedAt: true,
    returnReason: true,
  }))();
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const myApplicationsQuerySchema = /* @__PURE__ */ (() =>
  listQuerySchema.extend({ mine: z.literal('1', { error: 'mine 只能为 1（本企业的申请）' }) }).strict())();

export const withdrawInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    reason: text('撤回原因', 500).optional(),
  }))();

export const APPLICATION_REVIEW_DECISIONS = ['forward', 'return', 'release'] as const;
export const applicationReviewSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      decision: z.enum(APPLICATION_REVIEW_DECISIONS, { error: '审核结论只能为 forward、return 或 release' }),
      comment: text('审核意见', 500).optional(),
    })
    .refine((d) => d.decision !== 'return' || (d.comment ?? '').length > 0, {
      path: ['comment'],
      message: '退回时请填写退回原因',
    }))();
export type ApplicationReview = z.infer<typeof applicationReviewSchema>;

/** POST /v1/orgs/{id}/attachments: what the client is about to upload. */
export const attachmentUploadInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    name: text('文件名', 100, 1),
    size: z
      .number({ error: '文件大小应为数字（字节）' })
      .int()
      .min(5, '文件为空')
      .max(MAX_ATTACHMENT_BYTES, '盖章扫描件不能超过 10 MB'),
    contentType: z.literal('application/pdf', { error: '盖章扫描件须为 PDF 文件' }),
  }))();
export const attachmentUploadResponseSchema = /* @__PURE__ */ (() =>
  z.object({
    key: attachmentKeySchema,
    upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()) }),
    expiresAt: stampOut,
  }))();
export const attachmentConfirmedSchema = /* @__PURE__ */ (() =>
  z.object({ key: attachmentKeySchema, size: storableNumber().int() }))();

// 221号 on paper (issue 16, item 6): the stamped scan of a printed form (需求表 or 申请书), recorded on its record.
// The file is uploaded as any attachment (POST /v1/orgs/{id}/attachments, then confirm); PUT …/stamped-scan names it.
export const stampedScanInputSchema = attachmentRefSchema;
