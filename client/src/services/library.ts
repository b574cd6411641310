/** 科技成果赋智 (issue 15): the achievement library, interests, recommendations and a demand's matches. */
import '../lib/zod-setup';
import type { AchievementInput, FieldKey, OrgProfileInput, TransferMode } from '@jiebang/shared';
import {
  achievementsCreate,
  achievementsGet,
  achievementsList,
  achievementsSubmit,
  demandMatches,
  interestsCreate,
  interestsDecide,
  interestsList,
  interestsTechManager,
  recommendationsList,
  reviewAchievementsDecide,
  reviewAchievementsList,
} from '@jiebang/shared/routes/library';
import { orgsGet, orgsUpdate } from '@jiebang/shared/routes/orgs';
import { call } from './api';

export interface LibraryQuery {
  field?: FieldKey;
  q?: string;
  maturity?: number;
  mode?: TransferMode;
  mine?: boolean;
  cursor?: string | null;
}

export const list = (q: LibraryQuery = {}) =>
  call(achievementsList, {
    query: {
      field: q.field,
      q: q.q,
      maturity: q.maturity ? (String(q.maturity) as '1') : undefined,
      mode: q.mode,
      mine: q.mine ? '1' : undefined,
      limit: 20,
      cursor: q.cursor,
    },
  });
export const get = (id: string) => call(achievementsGet, { params: { id } });
/** Creates the draft and submits it to the authority (the form's one button). */
export async function createAndSubmit(input: AchievementInput) {
  const draft = await call(achievementsCreate, { body: input });
  return call(achievementsSubmit, { params: { id: draft.id } });
}
export const queue = (cursor?: string | null) => call(reviewAchievementsList, { query: { limit: 20, cursor } });
export const review = (id: string, decision: 'publish' | 'return', comment?: string) =>
  call(reviewAchievementsDecide, { params: { id }, body: { decision, ...(comment ? { comment } : {}) } });
export const sendInterest = (id: string, message: string) =>
  call(interestsCreate, { params: { id }, body: { message } });
export const interests = (box: 'received' | 'sent', cursor?: string | null) =>
  call(interestsList, { query: { box, limit: 20, cursor } });
export const decide = (id: string, decision: 'accept' | 'decline' | 'sign' | 'close') =>
  call(interestsDecide, { params: { id }, body: { decision } });
/** Attaches a 技术经理人 of the caller's organisation to an interest it received (its admin), or detaches (null). */
export const attachTechManager = (id: string, userId: string | null) =>
  call(interestsTechManager, { params: { id }, body: { userId } });
export const recommendations = (limit = 5) => call(recommendationsList, { query: { limit } });
export const matches = (demandId: string) => call(demandMatches, { params: { id: demandId } });
export type { OrgProfileInput };

/**
 * Saves the organisation's profile (PUT /v1/orgs/{id} takes the whole form: the stored one is sent back with the
 * new profile and the version read, so a concurrent edit is a 409 rather than lost).
 */
export async function saveProfile(orgId: string, profile: OrgProfileInput) {
  const org = await call(orgsGet, { params: { id: orgId } });
  const { id: _i, authorityRegion: _a, size: _s, createdAt: _c, updatedAt: _u, profile: _p, ...form } = org;
  return call(orgsUpdate, { params: { id: orgId }, body: { ...form, profile } });
}
