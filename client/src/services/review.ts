import '../lib/zod-setup';
import type { Demand, DemandQueueItem, DemandReviewQueueQuery } from '@jiebang/shared';
import { reviewDemandsDecide, reviewDemandsList } from '@jiebang/shared/routes/demands';
import { call } from './api';

export type ReviewDecision = 'forward' | 'return' | 'publish' | 'reject';

export interface ReviewQueuePage {
  items: DemandQueueItem[];
  nextCursor: string | null;
  counts: { total: number };
}

type QueueFilter = Partial<Pick<DemandReviewQueueQuery, 'tab' | 'region' | 'field' | 'channel' | 'since' | 'q'>>;

/**
 * The caller's queue (its region's, or the ministry's), oldest submission first; `tab: 'done'` what the caller's
 * authority decided, newest first; filtered by region, field, channel, submission day and a search of the title.
 */
export function queue(page: { limit?: number; cursor?: string | null } & QueueFilter = {}): Promise<ReviewQueuePage> {
  const { cursor, ...rest } = page;
  return call(reviewDemandsList, { query: { ...rest, cursor } });
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
