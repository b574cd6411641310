/**
 * The 需求表 as the form edits it: every input keeps the text the issuer typed (a half-typed "12." or an empty
 * budget must survive a re-render and the autosave), and `toInput` turns it into the API body. Validation is the
 * shared `demandInputSchema` — the very schema the server parses with — plus the checks that need the campaign.
 */
import { demandInputSchema, formatShanghai } from '@jiebang/shared';
import type { Campaign, Demand, DemandInput, FieldKey } from '@jiebang/shared';
import { beijingInstant, beijingParts } from '../../../lib/beijing-time';

type OutcomeForm = DemandInput['outcomeForms'][number];
type CooperationMode = DemandInput['cooperationModes'][number];
type WeightKey = 'team' | 'capability' | 'plan' | 'match';

export interface DemandFormValues {
  title: string;
  field: FieldKey | '';
  catalogueCategory: string;
  demandType: DemandInput['demandType'] | '';
  background: string;
  difficulties: string;
  indicators: { name: string; target: string }[];
  outcomeForms: OutcomeForm[];
  cooperationModes: CooperationMode[];
  budgetAmount: string;
  budgetNegotiable: boolean;
  expectedCompletion: string;
  /** Beijing date and time of the application deadline ("" until the campaign is known). */
  deadlineDate: string;
  deadlineTime: string;
  anonymous: boolean;
  contact: { name: string; title: string; phone: string; email: string };
  customWeights: boolean;
  weights: Record<WeightKey, string>;
}

export const WEIGHT_KEYS: readonly [WeightKey, string][] = [
  ['team', '团队水平'],
  ['capability', '研发能力'],
  ['plan', '攻关方案'],
  ['match', '与需求匹配度'],
];

export function emptyForm(campaign: Campaign | null): DemandFormValues {
  const deadline = campaign ? beijingParts(campaign.applicationDeadline) : { date: '', time: '' };
  return {
    title: '',
    field: '',
    catalogueCategory: '',
    demandType: '',
    background: '',
    difficulties: '',
    indicators: [{ name: '', target: '' }],
    outcomeForms: [],
    cooperationModes: [],
    budgetAmount: '',
    budgetNegotiable: false,
    expectedCompletion: '',
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    anonymous: false,
    contact: { name: '', title: '', phone: '', email: '' },
    customWeights: false,
    weights: { team: '25', capability: '25', plan: '25', match: '25' },
  };
}

/** The form of a saved demand (editing a draft or a returned demand). */
export function formFromDemand(d: Demand): DemandFormValues {
  const deadline = beijingParts(d.applicationDeadline);
  const w = d.weights;
  const custom = !(w.team === 25 && w.capability === 25 && w.plan === 25 && w.match === 25);
  return {
    title: d.title,
    field: d.field,
    catalogueCategory: d.catalogueCategory ?? '',
    demandType: d.demandType,
    background: d.background,
    difficulties: d.difficulties,
    indicators: d.indicators.map((i) => ({ ...i })),
    outcomeForms: [...d.outcomeForms],
    cooperationModes: [...d.cooperationModes],
    budgetAmount: d.budget.amount === undefined ? '' : String(d.budget.amount),
    budgetNegotiable: d.budget.negotiable,
    expectedCompletion: d.expectedCompletion,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    anonymous: d.anonymous,
    contact: {
      name: d.contact.name,
      title: d.contact.title ?? '',
      phone: d.contact.phone,
      email: d.contact.email ?? '',
    },
    customWeights: custom,
    weights: { team: String(w.team), capability: String(w.capability), plan: String(w.plan), match: String(w.match) },
  };
}

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** A typed number, or NaN for text that is not one (so the schema reports it instead of it vanishing). */
function numberOf(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The API body for the form as it stands (not yet validated). */
export function toInput(v: DemandFormValues): Record<string, unknown> {
  const amount = numberOf(v.budgetAmount);
  const deadline = beijingInstant(v.deadlineDate, v.deadlineTime);
  return {
    title: v.title.trim(),
    field: v.field || undefined,
    catalogueCategory: optional(v.catalogueCategory),
    demandType: v.demandType || undefined,
    background: v.background.trim(),
    difficulties: v.difficulties.trim(),
    indicators: v.indicators.map((i) => ({ name: i.name.trim(), target: i.target.trim() })),
    outcomeForms: v.outcomeForms,
    cooperationModes: v.cooperationModes,
    budget: { ...(amount === undefined ? {} : { amount }), negotiable: v.budgetNegotiable },
    expectedCompletion: v.expectedCompletion || undefined,
    ...(deadline ? { applicationDeadline: deadline } : {}),
    anonymous: v.anonymous,
    contact: {
      name: v.contact.name.trim(),
      title: optional(v.contact.title),
      phone: v.contact.phone.trim(),
      email: optional(v.contact.email),
    },
    ...(v.customWeights
      ? {
          weights: {
            team: numberOf(v.weights.team) ?? 0,
            capability: numberOf(v.weights.capability) ?? 0,
            plan: numberOf(v.weights.plan) ?? 0,
            match: numberOf(v.weights.match) ?? 0,
          },
        }
      : {}),
  };
}

/** Messages for fields the schema words generically or not at all, keyed by dotted path. */
const REQUIRED: Record<string, string> = {
  expectedCompletion: '请选择预期完成时间',
  applicationDeadline: '请选择揭榜截止时间',
  'budget.amount': '预算应为数字（万元），如 500 或 80.5',
};

export type FieldErrors = Record<string, string>;

/**
 * Validate the form: the shared schema's messages by dotted path (the same paths as a 400's `fields`), plus the
 * deadline rules of the campaign. Returns the body when valid.
 */
export function validate(
  v: DemandFormValues,
  campaign: Campaign | null,
  now: Date,
): { ok: true; input: DemandInput } | { ok: false; errors: FieldErrors } {
  const body = toInput(v);
  const errors: FieldErrors = {};
  const parsed = demandInputSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.') || '(root)';
      if (errors[path]) continue;
      const generic =
        issue.code === 'invalid_type' || (issue.code === 'invalid_format' && path === 'expectedCompletion');
      errors[path] = (generic && REQUIRED[path]) || issue.message;
    }
    // The schema's phone message is about the format; an empty box just needs filling.
    if (errors['contact.phone'] && v.contact.phone.trim() === '') errors['contact.phone'] = '请填写联系电话';
  }
  const deadline = beijingInstant(v.deadlineDate, v.deadlineTime);
  if (!deadline) {
    errors.applicationDeadline = REQUIRED.applicationDeadline!;
  } else {
    if (campaign && Date.parse(deadline) > Date.parse(campaign.applicationDeadline)) {
      errors.applicationDeadline = `不能晚于年度揭榜截止时间（${formatShanghai(campaign.applicationDeadline)}）`;
    } else if (Date.parse(deadline) <= now.getTime()) {
      errors.applicationDeadline = '揭榜截止时间应晚于当前时间';
    }
    if (v.expectedCompletion && !errors.expectedCompletion) {
      if (Date.parse(`${v.expectedCompletion}T23:59:59+08:00`) < Date.parse(deadline)) {
        errors.expectedCompletion = '预期完成时间应晚于揭榜截止时间';
      }
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** Sum of the custom weights as typed (NaN-safe), for the live "合计" line. */
export function weightSum(v: DemandFormValues): number {
  return WEIGHT_KEYS.reduce((sum, [k]) => sum + (Number(v.weights[k]) || 0), 0);
}

/** The first path in form order that has an error (to scroll to). */
export const FIELD_ORDER = [
  'title',
  'field',
  'catalogueCategory',
  'demandType',
  'background',
  'difficulties',
  'indicators',
  'outcomeForms',
  'cooperationModes',
  'budget',
  'applicationDeadline',
  'expectedCompletion',
  'anonymous',
  'contact',
  'weights',
] as const;

/** The section anchor (element id) of an error path: "indicators.0.name" → "f-indicators". */
export function anchorOf(path: string): string {
  const head = path.split('.')[0] ?? path;
  return `f-${head}`;
}

export function firstErrorAnchor(errors: FieldErrors): string | null {
  const paths = Object.keys(errors);
  for (const head of FIELD_ORDER) {
    if (paths.some((p) => p === head || p.startsWith(`${head}.`))) return anchorOf(head);
  }
  return paths[0] ? anchorOf(paths[0]) : null;
}
