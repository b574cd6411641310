import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, shanghaiWeekday, waitedMoreThanWorkingDays } from './working-days';

const at = (s: string) => new Date(s);

describe('working days (Asia/Shanghai, Mon–Fri)', () => {
  it('weekday of an instant is the Shanghai one, not UTC', () => {
    // 2026-11-20 is a Friday; 23:30 UTC on Friday is already Saturday in Shanghai.
    expect(shanghaiWeekday(Date.parse('2026-11-20T15:59:59Z'))).toBe(5);
    expect(shanghaiWeekday(Date.parse('2026-11-20T16:00:00Z'))).toBe(6);
  });

  it('Tuesday 10:00 + 5 working days = next Tuesday 10:00', () => {
    expect(addWorkingDays(at('2026-11-17T10:00:00+08:00'), 5).toISOString()).toBe(
      at('2026-11-24T10:00:00+08:00').toISOString(),
    );
  });

  it('Friday 16:00 + 1 working day = Monday 16:00', () => {
    expect(addWorkingDays(at('2026-11-20T16:00:00+08:00'), 1).toISOString()).toBe(
      at('2026-11-23T16:00:00+08:00').toISOString(),
    );
  });

  it('weekend arrivals start counting on Monday 00:00 (Shanghai)', () => {
    expect(addWorkingDays(at('2026-11-21T09:00:00+08:00'), 5).toISOString()).toBe(
      at('2026-11-30T00:00:00+08:00').toISOString(),
    );
    expect(addWorkingDays(at('2026-11-22T23:59:00+08:00'), 5).toISOString()).toBe(
      at('2026-11-30T00:00:00+08:00').toISOString(),
    );
  });

  it('more than 5 working days is strict', () => {
    const since = at('2026-11-17T10:00:00+08:00');
    expect(waitedMoreThanWorkingDays(since, at('2026-11-24T10:00:00+08:00'), 5)).toBe(false);
    expect(waitedMoreThanWorkingDays(since, at('2026-11-24T10:00:01+08:00'), 5)).toBe(true);
    // 7 calendar days that include a weekend are 5 working days; 6 calendar days are not.
    expect(waitedMoreThanWorkingDays(since, at('2026-11-23T12:00:00+08:00'), 5)).toBe(false);
  });
});
