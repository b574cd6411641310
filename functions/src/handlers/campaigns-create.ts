import { route } from '../http/route';
import { routes } from '../http/spec';
import { createCampaign } from '../use-cases/campaigns';

/** POST /v1/campaigns */
export const handler = route(routes.campaignsCreate, async ({ body, user, deps, now }) => ({
  status: 201,
  body: await createCampaign(body, { user, campaigns: deps.repos.campaigns, now }),
}));
