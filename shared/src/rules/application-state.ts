/**
 * The 揭榜申请书 state machine (domain.md "Application lifecycle"), pure. Every change of an application's status
 * goes through `nextStatus`; stores then make the same change conditional on the status it read, so a
 * concurrent change turns into a conflict instead of an illegal jump.
 */

import { ORG_KIND_LABELS, SME_TRACK_APPLICANT_KINDS, keysOf } from '../constants';
import { SIZE_LABELS, type Size } from './classification';

export const APPLICATION_STATUSES = {
  draft: '草稿',
  submitted: '待初审',
  returned: '已退回',
  forwarded: '待工业和信息化部审核',
  released: '评审中',
  selected: '已入选',
  not_selected: '未入选',
  withdrawn: '已撤回',
  accepted: '验收通过',
  acceptance_failed: '验收未通过',
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;
export const APPLICATION_STATUS_KEYS = keysOf(APPLICATION_STATUSES);

/** Who may take an action: the applicant SME, its provincial authority, the ministry, the issuer. */
export type ApplicationActor = 'applicant' | 'province' | 'ministry' | 'issuer';

export const APPLICATION_ACTIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'applicant' },
  forward: { from: ['submitted'], to: 'forwarded', by: 'province' },
  return: { from: ['submitted'], to: 'returned', by: 'province' },
  release: { from: ['forwarded'], to: 'released', by: 'ministry' },
  select: { from: ['released'], to: 'selected', by: 'issuer' },
  not_select: { from: ['released'], to: 'not_selected', by: 'issuer' },
  // Before selection only (domain.md step 9): once the issuer has decided, there is nothing to withdraw from.
  withdraw: { from: ['draft', 'submitted', 'returned', 'forwarded', 'released'], to: 'withdrawn', by: 'applicant' },
  // The issuer withdrew the demand (before selection): its open applications end as withdrawn, with its reason.
  close: { from: ['draft', 'submitted', 'returned', 'forwarded', 'released'], to: 'withdrawn', by: 'issuer' },
  accept: { from: ['selected'], to: 'accepted', by: 'issuer' },
  fail_acceptance: { from: ['selected'], to: 'acceptance_failed', by: 'issuer' },
} as const satisfies Record<
  string,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: ApplicationActor }
>;
export type ApplicationAction = keyof typeof APPLICATION_ACTIONS;

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: ApplicationStatus, action: ApplicationAction): ApplicationStatus | null {
  const t = APPLICATION_ACTIONS[action];
  return (t.from as readonly ApplicationStatus[]).includes(status) ? t.to : null;
}

/** The applicant may still edit its form (the province returned it, or it was never submitted). */
export const isEditable = (status: ApplicationStatus): boolean => status === 'draft' || status === 'returned';

/** Statuses in which the issuer may see an application: only after the ministry released it. */
export const ISSUER_VISIBLE_STATUSES: readonly ApplicationStatus[] = [
  'released',
  'selected',
  'not_selected',
  'accepted',
  'acceptance_failed',
];

/** Statuses in which the ministry may see an application: from forwarding on. */
export const MINISTRY_VISIBLE_STATUSES: readonly ApplicationStatus[] = ['forwarded', ...ISSUER_VISIBLE_STATUSES];

/**
 * What an application copies from its demand and its applicant when it is made, so that lists and queues show
 * them without reading either again.
 */
export function applicationParties<S extends string, F extends string, C extends string>(
  demand: { id: string; title: string; issuerOrgId: string; field: F; channel?: C | undefined },
  org: { id: string; name: string; kind?: string; size?: S | undefined; authorityRegion: string },
) {
  return {
    demandId: demand.id,
    demandTitle: demand.title,
    ...demandFacets(demand),
    orgId: org.id,
    orgName: org.name,
    orgSize: classifiedSize(org),
    authorityRegion: org.authorityRegion,
    issuerOrgId: demand.issuerOrgId,
  };
}

/**
 * The demand's field and submission channel on its application (design, issue 18: what 揭榜申请审核 filters on).
 * Neither changes once the demand is published, and only a published demand takes applications.
 */
export function demandFacets<F extends string, C extends string>(demand: { field: F; channel?: C | undefined }) {
  return {
    demandField: demand.field,
    ...(demand.channel ? { demandChannel: demand.channel } : {}),
  };
}

/** Institutions that apply (to sme-track demands, SME 发榜): they have no 300号 size; their kind stands for it. */
type ApplicantInstitution = (typeof SME_TRACK_APPLICANT_KINDS)[number];

/**
 * What an applicant is: its 300号 size, or for a university or institute applying to an sme-track demand (library
 * area) its kind. The use-cases refuse every other applicant before this point.
 */
export function classifiedSize<S extends string>(org: {
  kind?: string;
  size?: S | undefined;
}): S | ApplicantInstitution {
  if (org.size) return org.size;
  const kind = SME_TRACK_APPLICANT_KINDS.find((k) => k === org.kind);
  if (!kind) throw new Error('applicant without a 300号 size that is no university or institute');
  return kind;
}

/** The label of what an applicant is (企业规模 / 单位类型): 中型企业, 高校, 科研院所… */
export const APPLICANT_CLASS_LABELS: Record<Size | ApplicantInstitution, string> = {
  ...SIZE_LABELS,
  university: ORG_KIND_LABELS.university,
  institute: ORG_KIND_LABELS.institute,
};
