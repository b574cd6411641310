import '../lib/zod-setup';
import type { Demand, DemandDetail, DemandInput, DemandSummary } from '@jiebang/shared';
import {
  demandsCreate,
  demandsGet,
  demandsList,
  demandsSubmit,
  demandsUpdate,
  demandsWithdraw,
} from '@jiebang/shared/routes/demands';
import { call } from './api';

export type DemandChannel = 'province' | 'ministry';

/** A fresh key per user action: a retried submit (flaky network) is then answered once by the server. */
function idempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Save a new draft of the caller's large enterprise. */
export function create(input: DemandInput): Promise<Demand> {
  return call(demandsCreate, { body: input });
}

/**
 * Replace the form of a draft or returned demand. `version` is the one the form was loaded at: the server
 * answers 409 when somebody else saved in between instead of overwriting their work.
 */
export function update(id: string, input: DemandInput, version?: number): Promise<Demand> {
  return call(demandsUpdate, { params: { id }, body: version === undefined ? input : { ...input, version } });
}

/** The whole demand, its timeline and the actions the caller may take. */
export function get(id: string): Promise<DemandDetail> {
  return call(demandsGet, { params: { id } });
}

/** The demands of the caller's enterprise, newest first. */
export function listMine(page: { limit?: number; cursor?: string | null } = {}): Promise<{
  items: DemandSummary[];
  nextCursor: string | null;
}> {
  return call(demandsList, { query: { mine: '1', limit: page.limit, cursor: page.cursor } });
}

/** Submit to the provincial authority (初核) or directly to the ministry. */
export function submit(id: string, channel: DemandChannel, sizeReason?: string): Promise<Demand> {
  return call(demandsSubmit, {
    params: { id },
    // 221号 to the letter (issue 16): an issuer the 300号 table does not class as large says why it issues as one.
    body: { channel, ...(sizeReason ? { sizeReason } : {}) },
    headers: { 'Idempotency-Key': idempotencyKey() },
  });
}

/** Withdraw before selection: the reason is shown publicly on the demand. */
export function withdraw(id: string, reason: string): Promise<Demand> {
  return call(demandsWithdraw, { params: { id }, body: { reason } });
}
