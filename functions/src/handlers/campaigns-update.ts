import { campaignsUpdate } from '@jiebang/shared/routes/campaigns';
import { route } from '../http/route';
import { campaignsOnly } from '../wiring';
import { updateCampaign } from '../use-cases/campaigns';

/** PUT /v1/campaigns/{year} */
export const handler = route(campaignsUpdate, campaignsOnly, async ({ params, body, user, now, repos }) => ({
  body: await updateCampaign(params.year, body, { user, campaigns: repos.campaigns, now }),
}));
