import { describe, expect, it } from '@jest/globals';
import { mayAsk, questionDeadline } from './clarifications';

describe('question deadline: 5 × 24 h before the application deadline', () => {
  const deadline = '2026-12-31T15:59:59.000Z'; // 2027-01-01 00:00 less a second, Beijing
  it('is the deadline less five days, as an instant', () => {
    expect(questionDeadline(deadline)).toBe('2026-12-26T15:59:59.000Z');
  });
  it('open a millisecond before, closed at the instant and after', () => {
    expect(mayAsk(deadline, new Date('2026-12-26T15:59:58.999Z'))).toBe(true);
    expect(mayAsk(deadline, new Date('2026-12-26T15:59:59.000Z'))).toBe(false);
    expect(mayAsk(deadline, new Date('2026-12-30T00:00:00.000Z'))).toBe(false);
  });
  it('a deadline given with an offset means the same instant', () => {
    expect(questionDeadline('2027-01-01T00:00:00+08:00')).toBe('2026-12-26T16:00:00.000Z');
  });
});
