import '../lib/zod-setup';
import type { Campaign } from '@jiebang/shared';
import { campaignsCurrent } from '@jiebang/shared/routes/demands';
import { call } from './api';

/** The current year's campaign and its deadlines (public). 404 when none is open. */
export function current(): Promise<Campaign> {
  return call(campaignsCurrent);
}
