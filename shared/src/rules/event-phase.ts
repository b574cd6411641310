import { EVENT_STATUSES, type EventStatus } from '../constants';

/**
 * What an event's status says at `now`: a published event is 报名中 only until its registration deadline, then
 * 报名已截止 until it starts, then 进行中 (the server answers `closed` once it has ended).
 */
export function eventStatusText(
  e: { status: EventStatus; registrationDeadline: string; startsAt: string },
  now: Date = new Date(),
): string {
  if (e.status !== 'published') return EVENT_STATUSES[e.status];
  const t = now.getTime();
  if (t < Date.parse(e.registrationDeadline)) return EVENT_STATUSES.published;
  return t < Date.parse(e.startsAt) ? '报名已截止' : '进行中';
}
