/**
 * 科技成果赋智 (issue 15): the achievement (成果) and interest (对接意向) state machines. Pure data, shared by the
 * server (which writes each transition conditionally on the `from` status and version it read, so two actors
 * racing cannot both pass) and the client (which offers only the buttons the machine allows).
 */
import type { AchievementStatus, InterestStatus } from '../constants';

export type AchievementAction = 'submit' | 'publish' | 'return';
/** The owner's members, or the authority of the owner's region. */
export type AchievementActor = 'owner' | 'authority';

export interface AchievementTransition {
  action: AchievementAction;
  from: AchievementStatus;
  to: AchievementStatus;
  by: AchievementActor;
}

export const ACHIEVEMENT_TRANSITIONS: readonly AchievementTransition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', by: 'owner' },
  { action: 'submit', from: 'returned', to: 'submitted', by: 'owner' },
  { action: 'publish', from: 'submitted', to: 'published', by: 'authority' },
  { action: 'return', from: 'submitted', to: 'returned', by: 'authority' },
];

export function achievementTransition(
  action: AchievementAction,
  from: AchievementStatus,
  by: AchievementActor,
): AchievementTransition | null {
  return ACHIEVEMENT_TRANSITIONS.find((t) => t.action === action && t.from === from && t.by === by) ?? null;
}

/** Only drafts and returned achievements may be edited by their owner. */
export const isAchievementEditable = (s: AchievementStatus) => s === 'draft' || s === 'returned';

export type InterestDecision = 'accept' | 'decline' | 'sign' | 'close';
/** The achievement's owner, or the enterprise that sent the interest. */
export type InterestActor = 'owner' | 'sender';

export interface InterestTransition {
  decision: InterestDecision;
  from: InterestStatus;
  to: InterestStatus;
  by: readonly InterestActor[];
}

/**
 * pending → accept (owner) → talking (contacts exchanged) → signed | closed (either side); pending → decline
 * (owner) → declined. A sender may also close a pending interest (changed its mind).
 */
export const INTEREST_TRANSITIONS: readonly InterestTransition[] = [
  { decision: 'accept', from: 'pending', to: 'talking', by: ['owner'] },
  { decision: 'decline', from: 'pending', to: 'declined', by: ['owner'] },
  { decision: 'close', from: 'pending', to: 'closed', by: ['sender'] },
  { decision: 'sign', from: 'talking', to: 'signed', by: ['owner', 'sender'] },
  { decision: 'close', from: 'talking', to: 'closed', by: ['owner', 'sender'] },
];

export function interestTransition(
  decision: InterestDecision,
  from: InterestStatus,
  by: InterestActor,
): InterestTransition | null {
  return INTEREST_TRANSITIONS.find((t) => t.decision === decision && t.from === from && t.by.includes(by)) ?? null;
}

/** The decisions `by` may take on an interest in status `from` (the client's buttons). */
export const interestDecisions = (from: InterestStatus, by: InterestActor): InterestDecision[] =>
  INTEREST_TRANSITIONS.filter((t) => t.from === from && t.by.includes(by)).map((t) => t.decision);

/** Contacts are exchanged once the owner accepted: from 洽谈中 on (and kept after 已签约 / 已终止 of a talk). */
export const contactsVisible = (s: InterestStatus, accepted: boolean) =>
  s === 'talking' || s === 'signed' || (s === 'closed' && accepted);
