import { formatShanghai } from '@jiebang/shared';

/** "2026-12-01 09:00" (Beijing time) of an instant, for a text input. */
export const toInput = (instant: string | null | undefined): string => (instant ? formatShanghai(instant) : '');

const PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** The instant typed as "2026-12-01 09:00" in Beijing time, or null when it is not such a time. */
export function fromInput(text: string): string | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+08:00`;
  // Refuses 2026-02-30 and 25:00: the parsed instant must print back as typed.
  return !Number.isNaN(Date.parse(iso)) && formatShanghai(iso) === text.trim() ? iso : null;
}

export const TIME_HINT = '北京时间，格式如 2026-12-01 09:00';

/** The error under a time typed in another form. */
export const TIME_ERROR = '请按“2026-12-01 09:00”的格式填写（北京时间）';
