import { describe, expect, it } from '@jest/globals';
import { countdownText, dayLabel, formatShanghai, isOpen } from './deadline';

describe('deadlines', () => {
  const deadline = '2024-07-12T17:00:00+08:00';
  it('is open until the deadline instant, to the second', () => {
    expect(isOpen(deadline, new Date('2024-07-12T08:59:59Z'))).toBe(true);
    expect(isOpen(deadline, new Date('2024-07-12T09:00:00Z'))).toBe(false);
    expect(isOpen(deadline, new Date('2024-07-12T09:00:01Z'))).toBe(false);
  });

  it('counts down in Chinese', () => {
    expect(countdownText(deadline, new Date('2024-07-09T07:00:00Z'))).toBe('剩 3 天 2 小时');
    expect(countdownText(deadline, new Date('2024-07-12T07:30:00Z'))).toBe('剩 1 小时 30 分钟');
    expect(countdownText(deadline, new Date('2024-07-12T08:59:30Z'))).toBe('剩 1 分钟');
    expect(countdownText(deadline, new Date('2024-07-12T09:00:00Z'))).toBe('已截止');
  });

  it('formats in Beijing time whatever the host zone', () => {
    expect(formatShanghai('2024-07-12T09:00:00Z')).toBe('2024-07-12 17:00');
    expect(formatShanghai('2024-12-31T16:30:00Z')).toBe('2025-01-01 00:30');
  });
});

describe('dayLabel (Beijing days)', () => {
  // 2026-12-02 00:30 in Beijing is 2026-12-01 16:30 UTC.
  const now = new Date('2026-12-01T16:30:00.000Z');
  it('today from Beijing midnight on, whatever the UTC date', () => {
    expect(dayLabel('2026-12-01T16:00:00.000Z', now)).toBe('今天'); // 00:00 Beijing
    expect(dayLabel('2026-12-01T15:59:59.999Z', now)).toBe('昨天'); // 23:59 the day before
  });
  it('yesterday down to its first instant, then the date', () => {
    expect(dayLabel('2026-11-30T16:00:00.000Z', now)).toBe('昨天');
    expect(dayLabel('2026-11-30T15:59:59.999Z', now)).toBe('11月30日');
  });
  it('the year only for another year', () => {
    expect(dayLabel('2026-01-01T00:00:00.000Z', now)).toBe('1月1日');
    expect(dayLabel('2025-12-31T15:59:00.000Z', now)).toBe('2025年12月31日');
  });
});
