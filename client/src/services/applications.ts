import '../lib/zod-setup';
import type {
  Application,
  ApplicationInput,
  ApplicationQueueItem,
  ApplicationReview,
  ApplicationReviewQueueQuery,
  ApplicationSummary,
} from '@jiebang/shared';
import {
  applicationsCreate,
  applicationsGet,
  applicationsListMine,
  applicationsSubmit,
  applicationsUpdate,
  applicationsWithdraw,
  reviewApplicationsDecide,
  reviewApplicationsList,
} from '@jiebang/shared/routes/applications';
import { call } from './api';

export interface SummaryPage {
  items: ApplicationSummary[];
  nextCursor: string | null;
}

/** Create the enterprise's 揭榜申请书 for a published demand: a draft. */
export function create(demandId: string, input: ApplicationInput): Promise<Application> {
  return call(applicationsCreate, { params: { id: demandId }, body: input });
}

/** One application: own enterprise's, or one an authority may review. */
export function get(id: string): Promise<Application> {
  return call(applicationsGet, { params: { id } });
}

/** Save a draft or a returned application at the version read (409 `VERSION_CONFLICT` when stale). */
export function update(id: string, input: ApplicationInput, version: number): Promise<Application> {
  return call(applicationsUpdate, { params: { id }, body: { ...input, version } });
}

/** The enterprise's applications, newest first. */
export function listMine(cursor?: string | null, limit = 20): Promise<SummaryPage> {
  return call(applicationsListMine, { query: { mine: '1', limit, cursor } });
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
 * Submit with an Idempotency-Key: a retry with the same key — after a
 * timeout, say — gets the first answer and never submits twice. Refusals: 422 `NOT_SME`,
 * `AFFILIATED_WITH_ISSUER`, `DEADLINE_PASSED`, `ATTACHMENT_REQUIRED`; 409 `DUPLICATE_APPLICATION`.
 */
export function submit(id: string, idempotencyKey: string): Promise<Application> {
  return call(applicationsSubmit, { params: { id }, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** Withdraw before selection. */
export function withdraw(id: string, reason?: string): Promise<Application> {
  return call(applicationsWithdraw, { params: { id }, body: reason ? { reason } : {} });
}

/**
 * The caller's review queue: its region's submitted ones, or the ministry's (`tab: 'done'`: what the caller's
 * authority decided, newest first), filtered by the applicant's region, the demand's field and channel, the day
 * and a search of the title or applicant.
 */
export function reviewQueue(
  cursor?: string | null,
  limit = 20,
  filter: Omit<ApplicationReviewQueueQuery, 'limit' | 'cursor'> = {},
): Promise<{ items: ApplicationQueueItem[]; nextCursor: string | null }> {
  return call(reviewApplicationsList, { query: { limit, cursor, ...filter } });
}

/** An authority's decision: forward / return (province), release (ministry). */
export function decide(id: string, review: ApplicationReview): Promise<Application> {
  return call(reviewApplicationsDecide, { params: { id }, body: review });
}
