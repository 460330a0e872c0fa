import { LimitReset } from '../keys/key.events';

/** A usage window in UTC, `start` inclusive and `end` exclusive; both null when the limit never resets. */
export interface UsageWindow {
  readonly start: Date | null;
  readonly end: Date | null;
}

const DAY_MS = 86_400_000;

/** The UTC calendar window containing `at`: day from 00:00, week from Monday 00:00, month from the 1st. */
export function windowFor(reset: LimitReset | null, at: Date): UsageWindow {
  if (Number.isNaN(at.getTime())) throw new RangeError('windowFor needs a valid date');
  if (reset === null) return { start: null, end: null };
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const day = Date.UTC(year, month, at.getUTCDate());
  switch (reset) {
    case 'daily':
      return { start: new Date(day), end: new Date(day + DAY_MS) };
    case 'weekly': {
      // getUTCDay counts from Sunday (0); ISO weeks start on Monday.
      const monday = day - ((at.getUTCDay() + 6) % 7) * DAY_MS;
      return { start: new Date(monday), end: new Date(monday + 7 * DAY_MS) };
    }
    case 'monthly':
      // Date.UTC rolls month 12 over into January of the next year.
      return {
        start: new Date(Date.UTC(year, month, 1)),
        end: new Date(Date.UTC(year, month + 1, 1)),
      };
  }
}

/** Whole seconds from `now` until `end`, rounded up (a Retry-After value); 0 once `end` has passed. */
export const secondsUntil = (end: Date, now: Date): number =>
  Math.max(0, Math.ceil((end.getTime() - now.getTime()) / 1000));
