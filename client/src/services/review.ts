import '../lib/zod-setup';
import type { Demand, DemandSummary } from '@jiebang/shared';
import { reviewDemandsDecide, reviewDemandsList } from '@jiebang/shared/routes/demands';
import { call } from './api';

export type ReviewDecision = 'forward' | 'return' | 'publish' | 'reject';

export interface ReviewQueuePage {
  items: DemandSummary[];
  nextCursor: string | null;
  counts: { total: number };
}

/** The caller's queue (its region's, or the ministry's), oldest submission first. */
export function queue(page: { limit?: number; cursor?: string | null } = {}): Promise<ReviewQueuePage> {
  return call(reviewDemandsList, { query: { limit: page.limit, cursor: page.cursor } });
}

/**
 * A reviewer's decision. 409 when another reviewer decided first (the demand is no longer in the state this
 * reviewer saw).
 */
export function decide(
  id: string,
  decision: ReviewDecision,
  comment?: string,
  /** 221号 to the letter (issue 16): the authority confirms an SME-sized issuer's reason. */
  confirmIssuerSize?: boolean,
): Promise<Demand> {
  const text = comment?.trim();
  return call(reviewDemandsDecide, {
    params: { id },
    body: { decision, ...(text ? { comment: text } : {}), ...(confirmIssuerSize ? { confirmIssuerSize: true } : {}) },
  });
}
