import '../lib/zod-setup';
import { applicationSchema, applicationSummarySchema, listResponseSchema } from '@jiebang/shared';
import type { Application, ApplicationInput, ApplicationReview, ApplicationSummary } from '@jiebang/shared';
import { request } from './http';

const summaryListSchema = listResponseSchema(applicationSummarySchema);

export interface SummaryPage {
  items: ApplicationSummary[];
  nextCursor: string | null;
}

/** Create the enterprise's 揭榜申请书 for a published demand (POST /v1/demands/{id}/applications): a draft. */
export function create(demandId: string, input: ApplicationInput): Promise<Application> {
  return request(`/v1/demands/${encodeURIComponent(demandId)}/applications`, applicationSchema, {
    method: 'POST',
    body: input,
  });
}

/** One application (GET /v1/applications/{id}): own enterprise's, or one an authority may review. */
export function get(id: string): Promise<Application> {
  return request(`/v1/applications/${encodeURIComponent(id)}`, applicationSchema);
}

/** Save a draft or a returned application at the version read (PUT; 409 `VERSION_CONFLICT` when stale). */
export function update(id: string, input: ApplicationInput, version: number): Promise<Application> {
  return request(`/v1/applications/${encodeURIComponent(id)}`, applicationSchema, {
    method: 'PUT',
    body: { ...input, version },
  });
}

/** The enterprise's applications, newest first (GET /v1/applications?mine=1). */
export function listMine(cursor?: string | null, limit = 20): Promise<SummaryPage> {
  return request('/v1/applications', summaryListSchema, { query: { mine: '1', limit, cursor } });
}

/** The enterprise's latest application for `demandId` in any status, or null (walks at most a few pages). */
export async function findMine(demandId: string): Promise<ApplicationSummary | null> {
  let cursor: string | null = null;
  for (let i = 0; i < 5; i++) {
    const page: SummaryPage = await listMine(cursor, 50);
    const found = page.items.find((a) => a.demandId === demandId && a.status !== 'withdrawn');
    if (found) return found;
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return null;
}

/** A fresh Idempotency-Key (api.md: 8–128 of `A-Za-z0-9_.:-`): one per submit attempt, reused on its retries. */
export function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `submit-${Date.now().toString(36)}-${rand()}${rand()}`;
}

/**
 * Submit (POST /v1/applications/{id}/submit) with an Idempotency-Key: a retry with the same key — after a
 * timeout, say — gets the first answer and never submits twice. Refusals: 422 `NOT_SME`,
 * `AFFILIATED_WITH_ISSUER`, `DEADLINE_PASSED`, `ATTACHMENT_REQUIRED`; 409 `DUPLICATE_APPLICATION`.
 */
export function submit(id: string, idempotencyKey: string): Promise<Application> {
  return request(`/v1/applications/${encodeURIComponent(id)}/submit`, applicationSchema, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Withdraw before selection (POST /v1/applications/{id}/withdraw). */
export function withdraw(id: string, reason?: string): Promise<Application> {
  return request(`/v1/applications/${encodeURIComponent(id)}/withdraw`, applicationSchema, {
    method: 'POST',
    body: reason ? { reason } : {},
  });
}

/** The caller's review queue (GET /v1/review/applications): its region's submitted ones, or the ministry's. */
export function reviewQueue(cursor?: string | null, limit = 20): Promise<SummaryPage> {
  return request('/v1/review/applications', summaryListSchema, { query: { limit, cursor } });
}

/** An authority's decision (POST /v1/review/applications/{id}): forward / return (province), release (ministry). */
export function decide(id: string, review: ApplicationReview): Promise<Application> {
  return request(`/v1/review/applications/${encodeURIComponent(id)}`, applicationSchema, {
    method: 'POST',
    body: review,
  });
}
