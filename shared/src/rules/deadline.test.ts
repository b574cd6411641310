import { describe, expect, it } from '@jest/globals';
import { countdownText, formatShanghai, isOpen } from './deadline';

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
