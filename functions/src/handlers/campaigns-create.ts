import { campaignsCreate } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { campaignsOnly } from '../wiring';
import { createCampaign } from '../use-cases/campaigns';

/** POST /v1/campaigns */
export const handler = route(campaignsCreate, campaignsOnly, async ({ body, user, now, repos }) => ({
  body: await createCampaign(body, { user, campaigns: repos.campaigns, now }),
}));
