import { describe, expect, it } from '@jest/globals';
import { mayObject, noticePeriod, resultNoticePeriod, resultState } from './publicity';

const iso = (s: string) => new Date(s).toISOString();

describe('the 公示 period (working days, Asia/Shanghai)', () => {
  it('runs 5 working days from the close of selection by default: Tuesday 10:00 → next Tuesday 10:00', () => {
    expect(noticePeriod({ selectionDeadline: '2026-11-17T10:00:00+08:00' })).toEqual({
      from: iso('2026-11-17T10:00:00+08:00'),
      until: iso('2026-11-24T10:00:00+08:00'),
    });
  });

  it('skips the weekend: Friday 16:00 + 5 → next Friday 16:00; a Saturday close counts from Monday 00:00', () => {
    expect(noticePeriod({ selectionDeadline: '2026-11-20T16:00:00+08:00' }).until).toBe(
      iso('2026-11-27T16:00:00+08:00'),
    );
    expect(noticePeriod({ selectionDeadline: '2026-11-21T09:00:00+08:00' }).until).toBe(
      iso('2026-11-30T00:00:00+08:00'),
    );
  });

  it('skips the campaign’s holidays and takes its number of days', () => {
    const c = { selectionDeadline: '2026-09-30T17:00:00+08:00', holidays: ['2026-10-01', '2026-10-02', '2026-10-05'] };
    // Thu 10-01, Fri 10-02 and Mon 10-05 off: Tue, Wed, Thu, Fri, Mon → Monday 10-12 17:00.
    expect(noticePeriod(c).until).toBe(iso('2026-10-12T17:00:00+08:00'));
    expect(noticePeriod({ ...c, noticeWorkingDays: 1 }).until).toBe(iso('2026-10-06T17:00:00+08:00'));
  });

  it('a result selected after the campaign’s period began gets a period of its own', () => {
    const c = { selectionDeadline: '2026-11-17T10:00:00+08:00' };
    expect(resultNoticePeriod(c, '2026-11-16T10:00:00+08:00')).toEqual(noticePeriod(c));
    expect(resultNoticePeriod(c, '2026-11-19T09:00:00+08:00').until).toBe(iso('2026-11-26T09:00:00+08:00'));
  });

  it('objections: the second before the end passes, the end itself is late', () => {
    const p = noticePeriod({ selectionDeadline: '2026-11-17T10:00:00+08:00' });
    expect(mayObject(p, new Date(Date.parse(p.until) - 1000))).toBe(true);
    expect(mayObject(p, new Date(p.until))).toBe(false);
  });

  it('a result’s state: re-selection first, then an objection in treatment, then the period', () => {
    const p = noticePeriod({ selectionDeadline: '2026-11-17T10:00:00+08:00' });
    const during = new Date(Date.parse(p.until) - 1000);
    const after = new Date(p.until);
    expect(resultState({}, p, during)).toBe('notice');
    expect(resultState({}, p, after)).toBe('final');
    expect(resultState({ pendingObjections: 1 }, p, after)).toBe('objected');
    expect(resultState({ pendingObjections: 0 }, p, after)).toBe('final');
    expect(resultState({ reopened: true, pendingObjections: 1 }, p, during)).toBe('reselecting');
  });
});
