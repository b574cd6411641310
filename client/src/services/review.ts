import '../lib/zod-setup';
import { demandSchema, reviewQueueSchema } from '@jiebang/shared';
import type { Demand, DemandSummary } from '@jiebang/shared';
import { request } from './http';

export type ReviewDecision = 'forward' | 'return' | 'publish' | 'reject';

export interface ReviewQueuePage {
  items: DemandSummary[];
  nextCursor: string | null;
  counts: { total: number };
}

/** GET /v1/review/demands: the caller's queue (its region's, or the ministry's), oldest submission first. */
export function queue(page: { limit?: number; cursor?: string | null } = {}): Promise<ReviewQueuePage> {
  return request('/v1/review/demands', reviewQueueSchema, { query: { limit: page.limit, cursor: page.cursor } });
}

/**
 * POST /v1/review/demands/{id}. 409 when another reviewer decided first (the demand is no longer in the state
 * this reviewer saw).
 */
export function decide(id: string, decision: ReviewDecision, comment?: string): Promise<Demand> {
  const text = comment?.trim();
  return request(`/v1/review/demands/${encodeURIComponent(id)}`, demandSchema, {
    method: 'POST',
    body: text ? { decision, comment: text } : { decision },
  });
}
