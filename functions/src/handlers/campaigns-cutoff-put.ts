import { campaignsCutoffPut } from '@jiebang/shared/routes/campaigns';
import { route } from '../http/route';
import { campaignsOnly } from '../wiring';
import { putCutoff } from '../use-cases/campaigns';

/** PUT /v1/campaigns/{year}/cutoffs/{region} */
export const handler = route(campaignsCutoffPut, campaignsOnly, async ({ params, body, user, now, repos }) => ({
  body: await putCutoff(params.year, params.region, body.cutoff, { user, campaigns: repos.campaigns, now }),
}));
