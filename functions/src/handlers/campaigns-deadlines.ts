import { campaignsDeadlines } from '@jiebang/shared/routes/campaigns';
import { route } from '../http/route';
import { campaignsOnly } from '../wiring';
import { campaignDeadlines } from '../use-cases/campaigns';

/** GET /v1/campaigns/{year}/deadlines?region= */
export const handler = route(campaignsDeadlines, campaignsOnly, async ({ params, query, repos }) => ({
  body: await campaignDeadlines(params.year, query.region, { campaigns: repos.campaigns }),
}));
