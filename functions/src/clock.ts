/** Injectable clock: use-cases never call `new Date()` themselves, so deadlines are testable. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
