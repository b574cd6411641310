/**
 * The 揭榜申请书 as the multi-step form edits it: every value as typed (numbers as strings, so that nothing the
 * user typed is lost to a parse), converted to the API's ApplicationInput and validated with the shared schema.
 */
import Taro from '@tarojs/taro';
import { applicationInputSchema } from '@jiebang/shared';
import type { Application, ApplicationInput } from '@jiebang/shared';
import {
  errorsUnder,
  fieldErrorsOf,
  numberOrUndefined,
  textOrUndefined,
  type FieldErrors,
} from '../../../lib/form-errors';

export interface KeyMember {
  name: string;
  title: string;
  role: string;
}

export interface Milestone {
  month: string;
  deliverable: string;
}

export interface AttachmentRef {
  key: string;
  name: string;
  size?: number;
}

export interface ApplyForm {
  leaderName: string;
  leaderTitle: string;
  memberCount: string;
  rndStaffCount: string;
  keyMembers: KeyMember[];
  rndSpendingRatio: string;
  inventionPatents: string;
  otherIp: string;
  platforms: string;
  pastProjects: string;
  route: string;
  innovations: string;
  milestones: Milestone[];
  expectedResults: string;
  risks: string;
  match: string;
  budgetAmount: string;
  budgetNote: string;
  notAffiliated: boolean;
  attachments: AttachmentRef[];
}

export const EMPTY_FORM: ApplyForm = {
  leaderName: '',
  leaderTitle: '',
  memberCount: '',
  rndStaffCount: '',
  keyMembers: [],
  rndSpendingRatio: '',
  inventionPatents: '',
  otherIp: '',
  platforms: '',
  pastProjects: '',
  route: '',
  innovations: '',
  milestones: [{ month: '', deliverable: '' }],
  expectedResults: '',
  risks: '',
  match: '',
  budgetAmount: '',
  budgetNote: '',
  notAffiliated: false,
  attachments: [],
};

export const STEPS = [
  { key: 'team', title: '团队', long: '团队水平', paths: ['team'] },
  { key: 'capability', title: '研发能力', long: '研发能力', paths: ['capability'] },
  { key: 'plan', title: '攻关方案', long: '攻关方案', paths: ['plan'] },
  { key: 'match', title: '匹配度', long: '与需求匹配度', paths: ['match'] },
  { key: 'budget', title: '预算', long: '项目预算', paths: ['budget'] },
  { key: 'declaration', title: '声明', long: '非关联声明', paths: ['declaration'] },
  { key: 'attachments', title: '附件', long: '盖章申请书扫描件', paths: ['attachments'] },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];

const str = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The form of an application read from the API. */
export function fromApplication(a: ApplicationInput): ApplyForm {
  return {
    leaderName: a.team.leader.name,
    leaderTitle: a.team.leader.title,
    memberCount: str(a.team.memberCount),
    rndStaffCount: str(a.team.rndStaffCount),
    keyMembers: a.team.keyMembers.map((m) => ({ ...m })),
    rndSpendingRatio: str(a.capability.rndSpendingRatio),
    inventionPatents: str(a.capability.inventionPatents),
    otherIp: a.capability.otherIp ?? '',
    platforms: a.capability.platforms ?? '',
    pastProjects: a.capability.pastProjects ?? '',
    route: a.plan.route,
    innovations: a.plan.innovations,
    milestones: a.plan.milestones.map((m) => ({ ...m })),
    expectedResults: a.plan.expectedResults,
    risks: a.plan.risks ?? '',
    match: a.match,
    budgetAmount: str(a.budget?.amount),
    budgetNote: a.budget?.note ?? '',
    notAffiliated: a.declaration.notAffiliated === true,
    attachments: (a.attachments ?? []).map((x) => ({ ...x })),
  };
}

/** The request body the form stands for (validated by the caller). */
export function toInput(f: ApplyForm): unknown {
  const budgetGiven = f.budgetAmount.trim() !== '' || f.budgetNote.trim() !== '';
  return {
    team: {
      leader: { name: f.leaderName, title: f.leaderTitle },
      memberCount: numberOrUndefined(f.memberCount),
      rndStaffCount: numberOrUndefined(f.rndStaffCount),
      keyMembers: f.keyMembers,
    },
    capability: {
      rndSpendingRatio: numberOrUndefined(f.rndSpendingRatio),
      inventionPatents: numberOrUndefined(f.inventionPatents),
      otherIp: textOrUndefined(f.otherIp),
      platforms: textOrUndefined(f.platforms),
      pastProjects: textOrUndefined(f.pastProjects),
    },
    plan: {
      route: f.route,
      innovations: f.innovations,
      milestones: f.milestones.map((m) => ({ month: m.month.trim(), deliverable: m.deliverable })),
      expectedResults: f.expectedResults,
      risks: textOrUndefined(f.risks),
    },
    match: f.match,
    budget: budgetGiven
      ? { amount: numberOrUndefined(f.budgetAmount), note: textOrUndefined(f.budgetNote) }
      : undefined,
    // `true` or absent: the schema's message then asks for the declaration.
    declaration: { notAffiliated: f.notAffiliated ? true : undefined },
    attachments: f.attachments.length ? f.attachments.map((a) => ({ key: a.key, name: a.name })) : undefined,
  };
}

/** Blank number fields get "请填写…" rather than the schema's "…应为数字". */
const NUMBER_FIELDS: Record<string, [keyof ApplyForm, string]> = {
  'team.memberCount': ['memberCount', '团队人数'],
  'team.rndStaffCount': ['rndStaffCount', '研发人员数'],
  'capability.rndSpendingRatio': ['rndSpendingRatio', '研发投入占比'],
  'capability.inventionPatents': ['inventionPatents', '发明专利数（没有请填 0）'],
  'budget.amount': ['budgetAmount', '预算金额'],
};

export type Validation =
  { ok: true; input: ApplicationInput; errors: FieldErrors } | { ok: false; errors: FieldErrors };

export function validate(f: ApplyForm): Validation {
  const parsed = applicationInputSchema.safeParse(toInput(f));
  const attachmentMissing = f.attachments.length === 0;
  if (parsed.success && !attachmentMissing) return { ok: true, input: parsed.data, errors: {} };
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  for (const [path, [key, label]] of Object.entries(NUMBER_FIELDS)) {
    if (errors[path] && String(f[key]).trim() === '') errors[path] = `请填写${label}`;
  }
  if (errors['declaration.notAffiliated']) errors['declaration.notAffiliated'] = '请勾选非关联声明';
  if (attachmentMissing) errors.attachments = '请上传加盖公章的申请书扫描件（PDF）';
  return { ok: false, errors };
}

/** Errors of one step. The attachment is required to submit only (the API accepts a draft without it). */
export function stepErrors(errors: FieldErrors, step: number): FieldErrors {
  const s = STEPS[step];
  return s ? errorsUnder(errors, s.paths) : {};
}

/** The form minus what the API does not need to submit (a saved draft may lack the attachment). */
export function saveable(f: ApplyForm): ApplicationInput | null {
  const parsed = applicationInputSchema.safeParse(toInput(f));
  return parsed.success ? parsed.data : null;
}

/** "202503" → "2025-03" while typing. */
export function normaliseMonth(v: string): string {
  const digits = v.replace(/[^\d]/g, '').slice(0, 6);
  return digits.length > 4 ? `${digits.slice(0, 4)}-${digits.slice(4)}` : digits;
}

// ——— the copy kept on the device ———

export interface LocalDraft {
  form: ApplyForm;
  step: number;
  /** The server's application, once created. */
  applicationId?: string;
  /** Instant of the last local change. */
  savedAt: string;
  /** Idempotency-Key of a submit whose answer never arrived: reused by the next attempt. */
  submitKey?: string;
}

const draftKey = (demandId: string) => `jiebang.applyDraft.${demandId}`;

export function loadLocalDraft(demandId: string): LocalDraft | null {
  const raw: unknown = Taro.getStorageSync(draftKey(demandId));
  if (!raw || typeof raw !== 'object' || !('form' in raw)) return null;
  const d = raw as LocalDraft;
  return { ...d, form: { ...EMPTY_FORM, ...d.form } };
}

export function saveLocalDraft(demandId: string, draft: LocalDraft): void {
  try {
    Taro.setStorageSync(draftKey(demandId), draft);
  } catch {
    // Storage full: the server copy (saved when leaving a step) still holds the last complete version.
  }
}

export function clearLocalDraft(demandId: string): void {
  Taro.removeStorageSync(draftKey(demandId));
}

/** The form to resume with: the device's copy when it is newer than the server's, else the server's. */
export function resumeForm(
  server: Application | null,
  local: LocalDraft | null,
): { form: ApplyForm; step: number; fromLocal: boolean } {
  if (
    local &&
    (!server ||
      ((!local.applicationId || local.applicationId === server.id) &&
        Date.parse(local.savedAt) > Date.parse(server.updatedAt)))
  ) {
    return { form: local.form, step: local.step, fromLocal: true };
  }
  if (server) return { form: fromApplication(server), step: 0, fromLocal: false };
  return { form: EMPTY_FORM, step: 0, fromLocal: false };
}
