import { campaignsCurrent } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import { campaignsOnly } from '../wiring';
import { currentCampaign } from '../use-cases/campaigns';

/** GET /v1/campaigns/current */
export const handler = route(campaignsCurrent, campaignsOnly, async ({ repos }) => ({
  body: await currentCampaign({ campaigns: repos.campaigns }),
}));
