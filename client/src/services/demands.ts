import '../lib/zod-setup';
import { demandDetailSchema, demandSchema, demandSummarySchema, listResponseSchema } from '@jiebang/shared';
import type { Demand, DemandDetail, DemandInput, DemandSummary } from '@jiebang/shared';
import { request } from './http';

const myDemandsSchema = listResponseSchema(demandSummarySchema);

export type DemandChannel = 'province' | 'ministry';

/** A fresh key per user action: a retried submit (flaky network) is then answered once by the server. */
function idempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** POST /v1/demands: save a new draft of the caller's large enterprise. */
export function create(input: DemandInput): Promise<Demand> {
  return request('/v1/demands', demandSchema, { method: 'POST', body: input });
}

/**
 * PUT /v1/demands/{id}: replace the form of a draft or returned demand. `version` is the one the form was
 * loaded at: the server answers 409 when somebody else saved in between instead of overwriting their work.
 */
export function update(id: string, input: DemandInput, version?: number): Promise<Demand> {
  return request(`/v1/demands/${encodeURIComponent(id)}`, demandSchema, {
    method: 'PUT',
    body: version === undefined ? input : { ...input, version },
  });
}

/** GET /v1/demands/{id}: the whole demand, its timeline and the actions the caller may take. */
export function get(id: string): Promise<DemandDetail> {
  return request(`/v1/demands/${encodeURIComponent(id)}`, demandDetailSchema);
}

/** GET /v1/demands?mine=1: the demands of the caller's enterprise, newest first. */
export function listMine(page: { limit?: number; cursor?: string | null } = {}): Promise<{
  items: DemandSummary[];
  nextCursor: string | null;
}> {
  return request('/v1/demands', myDemandsSchema, {
    query: { mine: '1', limit: page.limit, cursor: page.cursor },
  });
}

/** POST /v1/demands/{id}/submit: to the provincial authority (初核) or directly to the ministry. */
export function submit(id: string, channel: DemandChannel): Promise<Demand> {
  return request(`/v1/demands/${encodeURIComponent(id)}/submit`, demandSchema, {
    method: 'POST',
    body: { channel },
    headers: { 'Idempotency-Key': idempotencyKey() },
  });
}

/** POST /v1/demands/{id}/withdraw: the reason is shown publicly on the demand. */
export function withdraw(id: string, reason: string): Promise<Demand> {
  return request(`/v1/demands/${encodeURIComponent(id)}/withdraw`, demandSchema, {
    method: 'POST',
    body: { reason },
  });
}
