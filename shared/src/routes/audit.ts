/**
 * Routes of the tamper-evident audit log (trust, programmes.md §5): an object's trail with its hashes, and its
 * verification. Visible to whoever may see the object; 404 to everyone else.
 */
import * as z from 'zod';
import { AUDITED_TYPES, auditTrailSchema, auditVerdictSchema } from '../schemas/audit';
import { defineRoute, idSchema } from './define';

const auditParams = /* @__PURE__ */ z.strictObject({ type: z.enum(AUDITED_TYPES), id: idSchema });

export const auditGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/audit/{type}/{id}',
  summary: '对象的操作记录（防篡改链：每条记录带序号、前一条的哈希与本条的 SHA-256）',
  params: auditParams,
  response: auditTrailSchema,
});

export const auditVerify = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/audit/{type}/{id}/verify',
  summary: '校验对象的操作记录是否完整、未被篡改；不完整时指出断在哪一条',
  params: auditParams,
  response: auditVerdictSchema,
});
