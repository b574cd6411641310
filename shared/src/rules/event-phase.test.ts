import { describe, expect, it } from '@jest/globals';
import { eventStatusText } from './event-phase';

const e = {
  status: 'published' as const,
  registrationDeadline: '2026-12-10T10:00:00.000Z',
  startsAt: '2026-12-12T01:00:00.000Z',
};
const at = (iso: string) => new Date(iso);

describe('eventStatusText', () => {
  it('报名中 until the deadline, 报名已截止 from it until the start, 进行中 from the start', () => {
    expect(eventStatusText(e, at('2026-12-10T09:59:59.999Z'))).toBe('报名中');
    expect(eventStatusText(e, at('2026-12-10T10:00:00.000Z'))).toBe('报名已截止');
    expect(eventStatusText(e, at('2026-12-12T00:59:59.999Z'))).toBe('报名已截止');
    expect(eventStatusText(e, at('2026-12-12T01:00:00.000Z'))).toBe('进行中');
  });

  it('other states say what they are, whatever the time', () => {
    for (const [status, text] of [
      ['draft', '草稿'],
      ['cancelled', '已取消'],
      ['closed', '已结束'],
    ] as const)
      expect(eventStatusText({ ...e, status }, at('2026-12-01T00:00:00Z'))).toBe(text);
  });
});
