/**
 * Routes of enterprises: registration (300号 classification, credit-code checks), the form, affiliates, invites,
 * member roles, attachment uploads, and the public classification tool. Each route is one named export (see ./define.ts).
 */
import * as z from 'zod';
import {
  affiliatesImportInputSchema,
  affiliatesImportResponseSchema,
  affiliatesInputSchema,
  affiliatesPageSchema,
  affiliatesQuerySchema,
  affiliatesResponseSchema,
  affiliatesUploadInputSchema,
  affiliatesUploadResponseSchema,
  classifyInputSchema,
  classifyResponseSchema,
  inviteAcceptedSchema,
  inviteParamsSchema,
  inviteResponseSchema,
  memberRolesInputSchema,
  memberSchema,
  orgCreatedSchema,
  orgInputSchema,
  orgResponseSchema,
  orgSchema,
  orgUpdateSchema,
} from '../schemas/org';
import {
  attachmentConfirmedSchema,
  attachmentUploadInputSchema,
  attachmentUploadResponseSchema,
} from '../schemas/application';
import { defineListRoute, defineRoute, idSchema, rateLimit, xlsxResponse } from './define';

export const orgsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/orgs',
  summary:
    '登记企业：按 300号 划型、校验统一社会信用代码（GB 32100，另以 GB 11714 校验组织机构代码并核对行政区划，不一致时以 warnings 提示），' +
    '登记人成为企业管理员；返回企业、warnings 及新的会话 session（令牌中的角色已更新）',
  body: orgInputSchema,
  response: orgCreatedSchema,
  status: 201,
  errors: [403, 409, 422],
  steps: [/* @__PURE__ */ rateLimit('org')],
});

export const orgsGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/orgs/{id}',
  summary: '企业信息（本企业成员、所属主管部门、工业和信息化部可见）',
  response: orgSchema,
});

export const orgsUpdate = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/orgs/{id}',
  summary: '修改企业信息（企业管理员；统一社会信用代码和企业类型不可修改；可带 version 做乐观锁）',
  body: orgUpdateSchema,
  response: orgResponseSchema,
  errors: [403, 409, 422],
  steps: [/* @__PURE__ */ rateLimit('org')],
});

export const orgsAffiliatesGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/orgs/{id}/affiliates',
  summary:
    '发榜企业申报的关联企业名单，按企业名称排序、分页（limit ≤ 50，cursor）；q 搜索：完整的统一社会信用代码精确查找，' +
    '其他内容匹配名称中含有、或代码以其开头的企业；total、byRelation 为符合条件的家数',
  query: affiliatesQuerySchema,
  response: affiliatesPageSchema,
  errors: [409],
});

export const orgsAffiliatesPut = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/orgs/{id}/affiliates',
  summary: '替换关联企业名单（子公司、控股、供应商等，按统一社会信用代码；大型企业的管理员；每次最多变更 98 家）',
  body: affiliatesInputSchema,
  response: affiliatesResponseSchema,
  errors: [403, 409],
  steps: [/* @__PURE__ */ rateLimit('org')],
});

/**
 * The supplier (affiliate) list from .xlsx (issue 16, item 7), as the stamped scans are uploaded: a signed PUT
 * for the file, then the import names it. The file replaces the whole list or, when any row is refused, nothing
 * (422 `IMPORT_ROWS_INVALID`, `fields["rows.<n>"]` the reasons of row n of the sheet).
 */
export const orgsAffiliatesUpload = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/orgs/{id}/affiliates/uploads',
  summary: '申请上传关联企业（供应商）名单 .xlsx（≤ 5 MB）：返回文件 key 和限时上传地址（PUT；企业管理员）',
  body: affiliatesUploadInputSchema,
  response: affiliatesUploadResponseSchema,
  status: 201,
  errors: [403],
  steps: [/* @__PURE__ */ rateLimit('uploads')],
});

/** The import's template, generated from the columns the importer parses with (AFFILIATE_IMPORT_COLUMNS). */
export const orgsAffiliatesTemplate = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/orgs/{id}/affiliates/template',
  summary: '下载关联企业（供应商）名单导入模板 .xlsx：表头、一行示例和“说明”工作表（发榜企业的管理员）',
  response: xlsxResponse,
  errors: [403],
});

export const orgsAffiliatesImport = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/orgs/{id}/affiliates/import',
  summary:
    '以上传的 .xlsx 替换整个关联企业名单（表头含“统一社会信用代码”“企业名称”“关联关系”；最多 20000 行；企业管理员）：' +
    '任何一行有误则整份不导入（422 IMPORT_ROWS_INVALID，fields 的 rows.<行号> 为该行的原因）；' +
    '名单同时被他人修改或导入时 409 VERSION_CONFLICT',
  body: affiliatesImportInputSchema,
  response: affiliatesImportResponseSchema,
  errors: [403, 409, 422],
  steps: [/* @__PURE__ */ rateLimit('org')],
});

export const orgsInvitesCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/orgs/{id}/invites',
  summary: '生成邀请码（企业管理员；一次有效，7 天内有效）',
  response: inviteResponseSchema,
  status: 201,
  errors: [403],
  steps: [/* @__PURE__ */ rateLimit('org')],
});

export const invitesAccept = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/invites/{code}/accept',
  summary: '凭邀请码加入企业（成为 org_member）；返回新的会话 session',
  params: inviteParamsSchema,
  response: inviteAcceptedSchema,
  errors: [403, 404, 409],
  steps: [/* @__PURE__ */ rateLimit('invite')],
});

export const orgsMembersList = /* @__PURE__ */ defineListRoute({
  path: '/v1/orgs/{id}/members',
  summary: '企业成员及其角色',
  item: memberSchema,
  errors: [403],
});

export const orgsMembersPut = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/orgs/{id}/members/{userId}',
  summary:
    '设置成员角色（企业管理员），如设为评审专家 reviewer；立即生效（权限按当前存储的角色判断，无需重新登录）；' +
    '不能修改自己的角色（422 SELF_ROLE_CHANGE），不能降级最后一位管理员（422 LAST_ADMIN）',
  body: memberRolesInputSchema,
  response: memberSchema,
  errors: [403, 422],
  steps: [/* @__PURE__ */ rateLimit('org')],
});

export const orgsMembersDelete = /* @__PURE__ */ defineRoute({
  method: 'DELETE',
  path: '/v1/orgs/{id}/members/{userId}',
  summary:
    '移除成员（企业管理员），或退出企业（userId 为本人，任何成员）：该用户立即失去本企业及其全部角色，旧令牌不再能代表本企业；' +
    '不能移除最后一位管理员，最后一位管理员也不能退出（422 LAST_ADMIN）',
  response: /* @__PURE__ */ z.object({ id: idSchema }),
  errors: [403, 422],
  steps: [/* @__PURE__ */ rateLimit('org')],
});

export const orgsAttachmentsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/orgs/{id}/attachments',
  summary: '申请上传盖章申请书扫描件（PDF，≤ 10 MB）：返回附件 key 和限时上传地址（PUT）',
  body: attachmentUploadInputSchema,
  response: attachmentUploadResponseSchema,
  status: 201,
  errors: [403],
  steps: [/* @__PURE__ */ rateLimit('uploads')],
});

export const orgsAttachmentsConfirm = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/orgs/{id}/attachments/{attachmentId}/confirm',
  summary: '上传完成后确认：按文件内容检查是否为 PDF（%PDF-）及大小，通过后方可在申请书中引用',
  params: /* @__PURE__ */ z.strictObject({
    id: idSchema,
    attachmentId: /* @__PURE__ */ (() => z.string().regex(/^[0-9A-Z]{26}$/, '附件编号格式不正确'))(),
  }),
  response: attachmentConfirmedSchema,
  errors: [403, 409, 422],
  steps: [/* @__PURE__ */ rateLimit('uploads')],
});

export const toolsClassify = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/tools/classify',
  summary: '企业划型（《中小企业划型标准规定》工信部联企业〔2011〕300号），无需登录',
  auth: 'none',
  body: classifyInputSchema,
  response: classifyResponseSchema,
});
