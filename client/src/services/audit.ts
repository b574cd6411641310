import '../lib/zod-setup';
import type { AuditedType, AuditTrail, AuditVerdict } from '@jiebang/shared';
import { auditGet, auditVerify } from '@jiebang/shared/routes/audit';
import { call } from './api';

/** An object's audit trail, oldest first, each event with its place and hashes (whoever may see the object). */
export function trail(type: AuditedType, id: string): Promise<AuditTrail> {
  return call(auditGet, { params: { type, id } });
}

/** The server's verification of that trail: intact, or where it broke. */
export function verify(type: AuditedType, id: string): Promise<AuditVerdict> {
  return call(auditVerify, { params: { type, id } });
}
