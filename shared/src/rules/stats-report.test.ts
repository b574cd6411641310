import { describe, expect, it } from '@jest/globals';
import { awaitsSubmission, dueStatsReminder, periodsAround, statsPeriod } from './stats-report';
import { workingDaysBefore } from './working-days';

const at = (s: string) => new Date(s);
const iso = (s: string) => new Date(s).toISOString();

describe('统计表 deadline reminders (5 and 1 working days before)', () => {
  // 2026-07-10 is a Friday: the 2026H1 deadline, end of day in Beijing.
  const friday = statsPeriod('2026H1').defaultDeadline;

  it('counts back working days from the deadline day, skipping weekends', () => {
    expect(workingDaysBefore(at(friday), 1).toISOString()).toBe(iso('2026-07-09T00:00:00+08:00'));
    expect(workingDaysBefore(at(friday), 5).toISOString()).toBe(iso('2026-07-03T00:00:00+08:00'));
    // A Monday deadline: 1 working day before is the Friday, 5 the Monday before (the weekend is crossed).
    expect(workingDaysBefore(at('2026-07-13T17:00:00+08:00'), 1).toISOString()).toBe(iso('2026-07-10T00:00:00+08:00'));
    expect(workingDaysBefore(at('2026-07-13T17:00:00+08:00'), 5).toISOString()).toBe(iso('2026-07-06T00:00:00+08:00'));
    // 2027-01-10 (the 2026Y default) is a Sunday: the Friday, and the Monday of that week.
    const sunday = statsPeriod('2026Y').defaultDeadline;
    expect(workingDaysBefore(at(sunday), 1).toISOString()).toBe(iso('2027-01-08T00:00:00+08:00'));
    expect(workingDaysBefore(at(sunday), 5).toISOString()).toBe(iso('2027-01-04T00:00:00+08:00'));
  });

  it('6 working days before: nothing; 5: the first reminder; 1: the second; after the deadline: nothing', () => {
    expect(dueStatsReminder(friday, at('2026-07-02T23:59:59+08:00'))).toBeNull(); // 6 working days left
    expect(dueStatsReminder(friday, at('2026-07-03T00:00:00+08:00'))).toBe(5);
    expect(dueStatsReminder(friday, at('2026-07-08T23:59:59+08:00'))).toBe(5);
    expect(dueStatsReminder(friday, at('2026-07-09T00:00:00+08:00'))).toBe(1);
    expect(dueStatsReminder(friday, at('2026-07-10T23:59:59+08:00'))).toBe(1);
    expect(dueStatsReminder(friday, at('2026-07-11T00:00:00+08:00'))).toBeNull();
  });

  it('a weekend between: the Saturday and Sunday stay in the window they fall in', () => {
    const monday = iso('2026-07-13T17:00:00+08:00');
    expect(dueStatsReminder(monday, at('2026-07-05T12:00:00+08:00'))).toBeNull(); // Sunday, 6 working days left
    expect(dueStatsReminder(monday, at('2026-07-06T00:00:00+08:00'))).toBe(5);
    expect(dueStatsReminder(monday, at('2026-07-09T23:59:00+08:00'))).toBe(5);
    expect(dueStatsReminder(monday, at('2026-07-10T00:00:00+08:00'))).toBe(1); // Friday
    expect(dueStatsReminder(monday, at('2026-07-12T12:00:00+08:00'))).toBe(1); // Sunday
  });

  it('reminds only authorities that still have to submit', () => {
    expect(['not_started', 'draft', 'returned'].every((s) => awaitsSubmission(s as never))).toBe(true);
    expect(awaitsSubmission('submitted')).toBe(false);
    expect(awaitsSubmission('accepted')).toBe(false);
  });

  it('looks at last year’s whole year and this year’s two periods (the year in Beijing)', () => {
    expect(periodsAround(at('2027-01-05T10:00:00+08:00'))).toEqual(['2026Y', '2027H1', '2027Y']);
    expect(periodsAround(at('2026-12-31T16:30:00Z'))).toEqual(['2026Y', '2027H1', '2027Y']);
  });
});
