import { route } from '../http/route';
import { routes } from '../http/spec';
import { currentCampaign } from '../use-cases/campaigns';

/** GET /v1/campaigns/current */
export const handler = route(routes.campaignsCurrent, async ({ deps }) => ({
  body: await currentCampaign({ campaigns: deps.repos.campaigns }),
}));
