/**
 * Clarifications (答疑, programmes.md §5): enterprises ask about a published demand until 5 days before its
 * application deadline, as enquiry periods close before tenders in open public procurement, so that every
 * answer is out in time for every applicant.
 */

/** Questions close this many days (of 24 h) before the application deadline. */
export const QUESTION_CLOSE_DAYS = 5;

/** The instant questions close: the deadline less 5 × 24 h. */
export function questionDeadline(applicationDeadline: string): string {
  return new Date(Date.parse(applicationDeadline) - QUESTION_CLOSE_DAYS * 86_400_000).toISOString();
}

/** True while a question may still be asked: strictly before `questionDeadline`, by the server's clock. */
export function mayAsk(applicationDeadline: string, now: Date): boolean {
  return now.getTime() < Date.parse(questionDeadline(applicationDeadline));
}
