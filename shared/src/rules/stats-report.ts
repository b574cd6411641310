/**
 * The 统计表 (附件6) workflow (programmes.md §2): periods, states and their transitions, corrections of computed
 * figures (a note is required; both values are kept), totals. Pure; used by the server and the client.
 */
import type { StatsColumn, StatsReportState, StatsRow } from '../schemas/stats';
import { workingDaysBefore } from './working-days';

export interface StatsPeriod {
  period: string;
  year: number;
  /** First and last month (1–12) the period covers. */
  from: number;
  to: number;
  label: string;
  /** The notice's default deadline (seed 000: 2024-07-10 and 2025-01-10 for the 2024 round), end of day, Beijing. */
  defaultDeadline: string;
}

/** `2026H1` → January–June 2026, due 2026-07-10; `2026Y` → the whole of 2026, due 2027-01-10. */
export function statsPeriod(period: string): StatsPeriod {
  const year = Number(period.slice(0, 4));
  const half = period.endsWith('H1');
  return {
    period,
    year,
    from: 1,
    to: half ? 6 : 12,
    label: `${year}年${half ? '上半年' : '全年'}`,
    defaultDeadline: new Date(
      half ? `${year}-07-10T23:59:59.999+08:00` : `${year + 1}-01-10T23:59:59.999+08:00`,
    ).toISOString(),
  };
}

export type StatsReportAction = 'save' | 'submit' | 'return' | 'accept';

/** Who may do what from which state: the authority edits and submits; the ministry returns or accepts. */
const TRANSITIONS: Record<
  StatsReportAction,
  { from: StatsReportState[]; to?: StatsReportState; by: 'province' | 'ministry' }
> = {
  save: { from: ['not_started', 'draft', 'returned'], by: 'province' },
  submit: { from: ['not_started', 'draft', 'returned'], to: 'submitted', by: 'province' },
  return: { from: ['submitted'], to: 'returned', by: 'ministry' },
  accept: { from: ['submitted'], to: 'accepted', by: 'ministry' },
};

/** The state after `action`, or null when it is not allowed from `state`. `save` keeps a returned report returned. */
export function nextReportState(state: StatsReportState, action: StatsReportAction): StatsReportState | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) return null;
  return t.to ?? (state === 'not_started' ? 'draft' : state);
}

export const reportActor = (action: StatsReportAction) => TRANSITIONS[action].by;

/** Late: not submitted by the deadline (a report submitted after it stays late). */
export function isLate(state: StatsReportState, deadline: string, now: Date, firstSubmittedAt?: string): boolean {
  const due = Date.parse(deadline);
  if (firstSubmittedAt) return Date.parse(firstSubmittedAt) > due;
  return state !== 'accepted' && now.getTime() > due;
}

/**
 * Merge what the authority sent into the rows: computed cells keep the platform's figure in `computed`, and a
 * value that differs from it needs a note (field error otherwise); entered rows are taken as sent. Unknown columns
 * and the computed rows' keys the authority did not send are refused or kept as they were.
 */
export function mergeRows(
  columns: readonly StatsColumn[],
  current: StatsRow[],
  sent: { key: string; cells: Record<string, string | number | null>; notes?: Record<string, string> | undefined }[],
): { rows: StatsRow[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const known = new Map(columns.map((c) => [c.key, c]));
  const byKey = new Map(current.map((r) => [r.key, r]));
  const rows: StatsRow[] = current.filter((r) => r.source === 'platform' && !sent.some((s) => s.key === r.key));
  sent.forEach((s, i) => {
    for (const [k, v] of Object.entries(s.cells)) {
      const col = known.get(k);
      if (!col) errors[`rows.${i}.cells.${k}`] = '统计表中没有这一列';
      else if (col.kind === 'number' && v !== null && typeof v !== 'number')
        errors[`rows.${i}.cells.${k}`] = `“${col.label}”应为数字`;
      else if (col.kind === 'text' && typeof v === 'number') errors[`rows.${i}.cells.${k}`] = `“${col.label}”应为文字`;
    }
    const was = byKey.get(s.key);
    if (was?.source === 'platform') {
      const notes: Record<string, string> = {};
      const cells = { ...was.cells, ...s.cells };
      for (const [k, computed] of Object.entries(was.computed ?? {})) {
        if (cells[k] === undefined) cells[k] = computed;
        if (cells[k] !== computed) {
          const note = s.notes?.[k]?.trim() ?? '';
          if (note.length < 2)
            errors[`rows.${i}.notes.${k}`] = `更正“${known.get(k)?.label ?? k}”时请说明原因（至少 2 个字）`;
          else notes[k] = note;
        }
      }
      rows.push({ ...was, cells, ...(Object.keys(notes).length ? { notes } : { notes: undefined }) });
    } else {
      rows.push({ key: s.key, source: 'entered', cells: { ...s.cells } });
    }
  });
  return { rows: rows.map(({ notes, ...r }) => (notes ? { ...r, notes } : r)), errors };
}

/** The total row: the sum of every number column over the rows. */
export function reportTotal(columns: readonly StatsColumn[], rows: StatsRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of columns)
    if (c.kind === 'number')
      out[c.key] = rows.reduce((n, r) => n + (typeof r.cells[c.key] === 'number' ? (r.cells[c.key] as number) : 0), 0);
  return out;
}

/**
 * Reminders of a period's deadline (programmes.md §2): 5 and 1 working days before it (Mon–Fri in Asia/Shanghai,
 * rules/working-days.ts: public holidays are not modelled, so a reminder may come a little early, never late),
 * to every authority whose report is not submitted (not started, draft, or returned and not yet resubmitted).
 */
export const STATS_REMINDER_WORKING_DAYS = [5, 1] as const;
export type StatsReminderDays = (typeof STATS_REMINDER_WORKING_DAYS)[number];

/**
 * The reminder due at `now` for a deadline: the nearer one once its instant has passed (1 after the start of the
 * working day before the deadline's day, else 5 from the start of the 5th), none before the first or after the
 * deadline. A run that missed the 5-day window sends only the 1-day reminder.
 */
export function dueStatsReminder(deadline: string, now: Date): StatsReminderDays | null {
  const due = new Date(deadline);
  if (now.getTime() >= due.getTime()) return null;
  for (const n of [...STATS_REMINDER_WORKING_DAYS].sort((a, b) => a - b))
    if (now.getTime() >= workingDaysBefore(due, n).getTime()) return n;
  return null;
}

/** Whether an authority is still to send its report: not submitted, or returned and not resubmitted. */
export const awaitsSubmission = (state: StatsReportState) =>
  state === 'not_started' || state === 'draft' || state === 'returned';

/** The periods whose default deadline can be near `now`: last year's whole year, this year's half and whole year. */
export function periodsAround(now: Date): string[] {
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  return [`${year - 1}Y`, `${year}H1`, `${year}Y`];
}
