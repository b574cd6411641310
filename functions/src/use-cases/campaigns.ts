import type { Campaign, CampaignInput, SessionUser } from '@jiebang/shared';
import { authorityActor, isMinistry } from '../auth/roles';
import { Conflict, Forbidden, NotFound } from '../domain/errors';
import type { CampaignRepository } from '../store/repositories';

/** POST /v1/campaigns: the ministry opens a year's campaign (one per year), audited in the same transaction. */
export async function createCampaign(
  input: CampaignInput,
  d: { user: SessionUser; campaigns: CampaignRepository; now: Date },
): Promise<Campaign> {
  if (!isMinistry(d.user)) throw new Forbidden('只有工业和信息化部可以设置年度发榜工作');
  const at = d.now.toISOString();
  const campaign: Campaign = { ...input, createdAt: at };
  const created = await d.campaigns.create(campaign, {
    objectType: 'campaign',
    objectId: String(input.year),
    action: 'create',
    actor: authorityActor(d.user),
    at,
  });
  if (!created) throw new Conflict(`${input.year} 年度的发榜工作已经设置`, 'DUPLICATE');
  return campaign;
}

/** GET /v1/campaigns/current: the newest year's campaign (its deadlines are public). */
export async function currentCampaign(d: { campaigns: CampaignRepository }): Promise<Campaign> {
  const c = await d.campaigns.current();
  if (!c) throw new NotFound('当前没有年度发榜工作');
  return c;
}
