import { LimitReset } from '../keys/key.events';

/** A usage window in UTC; both ends null when the limit never resets. */
export interface UsageWindow {
  readonly start: Date | null;
  readonly end: Date | null;
}

const DAY_MS = 86_400_000;

/** The UTC calendar window containing `at`: day from 00:00, week from Monday, month from the 1st. */
export function windowFor(reset: LimitReset | null, at: Date): UsageWindow {
  if (reset === null) return { start: null, end: null };
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  if (reset === 'daily') return { start: new Date(day), end: new Date(day + DAY_MS) };
  if (reset === 'weekly') {
    const sinceMonday = (at.getUTCDay() + 6) % 7;
    const start = day - sinceMonday * DAY_MS;
    return { start: new Date(start), end: new Date(start + 7 * DAY_MS) };
  }
  return {
    start: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)),
    end: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)),
  };
}

/** Whole seconds from `now` until `end`, rounded up (a Retry-After value); at least 1. */
export function secondsUntil(end: Date, now: Date): number {
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
}
