import {
  AUTHORITY_REGION_CODES,
  DEPARTMENT_KEYS,
  authorityRegionOf,
  campaignChanges,
  formatShanghai,
  links,
  regionName,
  type Campaign,
  type CampaignDeadlines,
  type CampaignInput,
  type CampaignUpdate,
  type Cutoff,
  type SessionUser,
} from '@jiebang/shared';
import { authorityActor, isMinistry, provinceOf } from '../auth/roles';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../domain/errors';
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

// 221号 to the letter (issue 16): the campaign in the ministry's hands, provinces' cut-offs, issuers' deadlines.

/**
 * PUT /v1/campaigns/{year}: the ministry changes the deadlines (e.g. opens the application window announced as
 * 另行通知). Audited with what changed, and notified in the same transaction to every authority (provinces relay
 * to their enterprises) and every department. Conditional on the version read: two editors at once, one 409.
 */
export async function updateCampaign(
  year: number,
  input: CampaignUpdate,
  d: { user: SessionUser; campaigns: CampaignRepository; now: Date },
): Promise<Campaign> {
  if (!isMinistry(d.user)) throw new Forbidden('只有工业和信息化部可以修改年度发榜工作');
  const before = await d.campaigns.get(year);
  if (!before) throw new NotFound(`${year} 年度的发榜工作尚未设置`);
  const { version, ...fields } = input;
  if (version !== undefined && version !== (before.version ?? 0)) {
    throw new Conflict('年度发榜工作已被他人修改，请刷新后重试', 'VERSION_CONFLICT');
  }
  const at = d.now.toISOString();
  const after: Campaign = {
    year,
    createdAt: before.createdAt,
    ...fields,
    updatedAt: at,
    version: (before.version ?? 0) + 1,
  };
  // Optional fields left out are cleared (the form is replaced whole); `applicationOpensAt: null` is kept as 另行通知.
  const changes = campaignChanges(before, after);
  if (changes.length === 0) return before;
  const summary = changes.join('；');
  const recipients = [
    ...AUTHORITY_REGION_CODES.map((r) => `authority:${r}`),
    ...DEPARTMENT_KEYS.map((k) => `department:${k}`),
    'ministry',
  ];
  const ok = await d.campaigns.update(
    before,
    after,
    {
      objectType: 'campaign',
      objectId: String(year),
      action: 'update',
      actor: authorityActor(d.user),
      comment: summary.slice(0, 1000),
      at,
    },
    recipients.map((to) => ({
      to,
      kind: 'campaign_changed',
      title: `${year}年度发榜工作时间调整`,
      body: `工业和信息化部调整了${after.title}的时间安排：${summary}`.slice(0, 500),
      link: links.campaign(year),
      objectType: 'campaign' as const,
      objectId: String(year),
      createdAt: at,
    })),
  );
  if (!ok) throw new Conflict('年度发榜工作已被他人修改，请刷新后重试', 'VERSION_CONFLICT');
  return after;
}

/**
 * GET /v1/campaigns/{year}/deadlines?region=: the campaign and the cut-off the issuer's authority set. `region`
 * is an enterprise's registered division (e.g. 330205) or an authority code: its authority is looked up.
 */
export async function campaignDeadlines(
  year: number,
  region: string | undefined,
  d: { campaigns: CampaignRepository },
): Promise<CampaignDeadlines> {
  const authority = region ? (authorityRegionOf(region) ?? null) : null;
  const [campaign, provinceCutoff] = await Promise.all([
    d.campaigns.get(year),
    authority ? d.campaigns.cutoff(year, authority) : Promise.resolve(null),
  ]);
  if (!campaign) throw new NotFound(`${year} 年度的发榜工作尚未设置`);
  return { campaign, region: authority, provinceCutoff };
}

/**
 * PUT /v1/campaigns/{year}/cutoffs/{region}: a province's own, earlier cut-off for its issuers' submissions (it
 * needs time for 初核 before the intake deadline). Only that region's authority; never later than the intake.
 */
export async function putCutoff(
  year: number,
  region: string,
  cutoff: string | null,
  d: { user: SessionUser; campaigns: CampaignRepository; now: Date },
): Promise<Cutoff> {
  if (provinceOf(d.user) !== region) throw new Forbidden('只有本地区的中小企业主管部门可以设置本地区的报送截止时间');
  const campaign = await d.campaigns.get(year);
  if (!campaign) throw new NotFound(`${year} 年度的发榜工作尚未设置`);
  if (cutoff !== null && Date.parse(cutoff) > Date.parse(campaign.demandIntakeDeadline)) {
    throw new InvalidInput('报送截止时间有误', {
      cutoff: `本地区报送截止时间不能晚于需求征集截止时间（${formatShanghai(campaign.demandIntakeDeadline)}）`,
    });
  }
  const at = d.now.toISOString();
  const c: Cutoff = { year, region, cutoff, updatedAt: at };
  await d.campaigns.putCutoff(c, {
    objectType: 'campaign',
    objectId: String(year),
    action: 'cutoff',
    actor: authorityActor(d.user),
    comment: cutoff
      ? `${regionName(region)}报送截止时间：${formatShanghai(cutoff)}`
      : `${regionName(region)}取消报送截止时间`,
    at,
  });
  return c;
}
