import '../lib/zod-setup';
import { campaignSchema } from '@jiebang/shared';
import type { Campaign } from '@jiebang/shared';
import { request } from './http';

/** GET /v1/campaigns/current: the current year's campaign and its deadlines (public). 404 when none is open. */
export function current(): Promise<Campaign> {
  return request('/v1/campaigns/current', campaignSchema);
}
