import '../lib/zod-setup';
import type { Campaign, CampaignDeadlines, CampaignUpdate, DepartmentKey } from '@jiebang/shared';
import { campaignsCurrent } from '@jiebang/shared/routes/demands';
import {
  campaignsCutoffPut,
  campaignsDeadlines,
  campaignsUpdate,
  departmentContactsAdd,
  departmentContactsDelete,
  departmentContactsList,
} from '@jiebang/shared/routes/campaigns';
import { pathOf } from '@jiebang/shared/routes/define';
import { resultsExport, resultsList } from '@jiebang/shared/routes/evaluation';
import { apiBaseUrl } from '../lib/env';
import { call } from './api';

/** The current year's campaign and its deadlines (public). 404 when none is open. */
export function current(): Promise<Campaign> {
  return call(campaignsCurrent);
}

// 221号 to the letter (issue 16): the campaign in the ministry's hands, provinces' cut-offs, departments' lists.

/** The campaign and the cut-off of the authority of `region` (an enterprise's division or an authority code). */
export function deadlines(year: number, region?: string): Promise<CampaignDeadlines> {
  return call(campaignsDeadlines, { params: { year }, query: { region } });
}

/** The ministry replaces the deadlines (with the version it read). */
export function update(year: number, body: CampaignUpdate): Promise<Campaign> {
  return call(campaignsUpdate, { params: { year }, body });
}

/** A province sets (or, with null, clears) its own cut-off. */
export function setCutoff(year: number, region: string, cutoff: string | null) {
  return call(campaignsCutoffPut, { params: { year, region }, body: { cutoff } });
}

export function contacts(code: DepartmentKey) {
  return call(departmentContactsList, { params: { code } });
}

export function addContact(code: DepartmentKey, creditCode: string, name: string) {
  return call(departmentContactsAdd, { params: { code }, body: { creditCode, name } });
}

export function removeContact(code: DepartmentKey, creditCode: string) {
  return call(departmentContactsDelete, { params: { code, creditCode } });
}

/**
 * A page of the public 揭榜名单 of `year` with the campaign's 公示 period; each line gets an `id` (demand and SME)
 * for the list.
 */
export async function results(year: number, cursor: string | null) {
  const page = await call(resultsList, { params: { year }, query: { limit: 50, cursor } });
  return { ...page, items: page.items.map((l) => ({ ...l, id: `${l.demandId}|${l.orgName}` })) };
}

/** Where the .xlsx of the public 揭榜名单 downloads from (public, no session). */
export const resultsExportUrl = (year: number): string => `${apiBaseUrl}${pathOf(resultsExport, { year })}`;
