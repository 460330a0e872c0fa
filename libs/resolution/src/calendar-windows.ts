import { LimitReset, windowFor } from '@keyledger/domain';

/** One UTC window as epoch ms, with its end preformatted for responses. */
export interface WindowSpan {
  readonly start: number;
  readonly end: number;
  readonly endIso: string;
}

/** The UTC day, week (from Monday) and month holding one instant. */
export type CalendarWindows = { readonly [R in LimitReset]: WindowSpan };

const span = (reset: LimitReset, at: Date): WindowSpan => {
  const { start, end } = windowFor(reset, at);
  // windowFor gives both ends for every reset other than null.
  if (start === null || end === null) throw new Error(`${reset} window without bounds`);
  return { start: start.getTime(), end: end.getTime(), endIso: end.toISOString() };
};

/** The day, week and month windows holding `atMs` (SPEC §3's UTC calendar windows). */
export function calendarWindowsAt(atMs: number): CalendarWindows {
  const at = new Date(atMs);
  return { daily: span('daily', at), weekly: span('weekly', at), monthly: span('monthly', at) };
}

/**
 * Remembers the windows of the last day asked about. Weeks and months are whole days, so every
 * instant of one UTC day shares all three windows: request time computes them once a day.
 */
export class CalendarWindowCache {
  private last: CalendarWindows = calendarWindowsAt(0);

  /** The windows holding `atMs`. */
  at(atMs: number): CalendarWindows {
    const { daily } = this.last;
    if (atMs < daily.start || atMs >= daily.end) this.last = calendarWindowsAt(atMs);
    return this.last;
  }
}
