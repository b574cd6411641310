/**
 * The demand (发榜) state machine: which action moves a demand from which status to which, and who may take it.
 * Pure data and functions, shared by the server (which enforces it) and the client (which only offers the
 * buttons the machine allows). The server writes every transition conditionally on the `from` status it read,
 * so two actors racing on one demand cannot both pass.
 */
import type { DemandStatus } from '../constants';

export type DemandAction =
  | 'submit'
  | 'forward'
  | 'return'
  | 'publish'
  | 'reject'
  | 'withdraw'
  | 'start_evaluation'
  | 'select'
  | 'declare_no_selection'
  | 'start_cooperation'
  | 'complete'
  // publicity (公示): an upheld objection reopens the selection (ministry).
  | 'reopen_selection';

/** Who acts: the issuer's members, the issuer's provincial authority, the ministry, or the platform (deadlines). */
/** `department`: the ministry's department that contacted a direct submission's issuer — it reads, never acts. */
export type DemandActor = 'issuer' | 'province' | 'ministry' | 'department' | 'system';

export type DemandChannel = 'province' | 'ministry';

export interface DemandTransition {
  action: DemandAction;
  from: DemandStatus;
  to: DemandStatus;
  by: DemandActor;
  /** The transition exists only for demands submitted through this channel. */
  channel?: DemandChannel;
}

const t = (action: DemandAction, from: DemandStatus, to: DemandStatus, by: DemandActor, channel?: DemandChannel) =>
  ({ action, from, to, by, ...(channel ? { channel } : {}) }) as DemandTransition;

/** Every allowed transition. Anything not listed is refused. */
export const DEMAND_TRANSITIONS: readonly DemandTransition[] = [
  t('submit', 'draft', 'submitted', 'issuer'),
  t('submit', 'returned', 'submitted', 'issuer'),
  // Province channel: the issuer's provincial authority pre-reviews (初核) first.
  t('forward', 'submitted', 'forwarded', 'province', 'province'),
  t('return', 'submitted', 'returned', 'province', 'province'),
  // The ministry screens what provinces forwarded and what came to it directly.
  t('publish', 'forwarded', 'published', 'ministry'),
  t('return', 'forwarded', 'returned', 'ministry'),
  t('reject', 'forwarded', 'rejected', 'ministry'),
  t('publish', 'submitted', 'published', 'ministry', 'ministry'),
  t('return', 'submitted', 'returned', 'ministry', 'ministry'),
  t('reject', 'submitted', 'rejected', 'ministry', 'ministry'),
  // The issuer may withdraw at any point before selection (domain.md, step 6).
  ...(['draft', 'submitted', 'returned', 'forwarded', 'published', 'evaluating'] as const).map((from) =>
    t('withdraw', from, 'withdrawn', 'issuer'),
  ),
  // After the deadline (used by the evaluation and selection issue).
  t('start_evaluation', 'published', 'evaluating', 'issuer'),
  t('start_evaluation', 'published', 'evaluating', 'system'),
  t('select', 'evaluating', 'selected', 'issuer'),
  t('declare_no_selection', 'evaluating', 'no_selection', 'issuer'),
  t('start_cooperation', 'selected', 'in_cooperation', 'issuer'),
  t('complete', 'in_cooperation', 'completed', 'issuer'),
  // publicity (公示, issue 17): the ministry upholds an objection during the notice period.
  t('reopen_selection', 'selected', 'evaluating', 'ministry'),
  t('reopen_selection', 'in_cooperation', 'evaluating', 'ministry'),
];

/**
 * The status a demand moves to when `by` takes `action` on it, or null when the machine does not allow it.
 * `channel` is the demand's submission channel (the channel being chosen, for `submit`).
 */
export function nextDemandStatus(
  action: DemandAction,
  by: DemandActor,
  demand: { status: DemandStatus; channel?: DemandChannel | undefined },
): DemandStatus | null {
  const hit = DEMAND_TRANSITIONS.find(
    (x) =>
      x.action === action &&
      x.by === by &&
      x.from === demand.status &&
      (x.channel === undefined || x.channel === demand.channel),
  );
  return hit ? hit.to : null;
}

/** True when `by` may take `action` on some demand (whatever its status): tells 403 apart from 409. */
export function mayEverTake(action: DemandAction, by: DemandActor): boolean {
  return DEMAND_TRANSITIONS.some((x) => x.action === action && x.by === by);
}

/** Statuses in which the issuer may edit the form. */
export const EDITABLE_DEMAND_STATUSES: readonly DemandStatus[] = ['draft', 'returned'];

/** Actions offered to `by` on a demand in its current state (client buttons). */
export function allowedDemandActions(
  by: DemandActor,
  demand: { status: DemandStatus; channel?: DemandChannel | undefined },
): DemandAction[] {
  return [
    ...new Set(
      DEMAND_TRANSITIONS.filter(
        (x) =>
          x.by === by &&
          x.from === demand.status &&
          (x.channel === undefined || x.channel === demand.channel || x.action === 'submit'),
      ).map((x) => x.action),
    ),
  ];
}
