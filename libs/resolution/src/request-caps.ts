import { secondsUntil } from '@keyledger/domain';
import { FloatTable } from './float-table';

/** The periods a plan tier may cap a user's requests in (UTC-aligned). */
export const CAP_PERIODS = ['minute', 'hour', 'day'] as const;
/** One of CAP_PERIODS. */
export type CapPeriod = (typeof CAP_PERIODS)[number];
/** Most requests a user may make per period across all their keys; null: uncapped. */
export type RequestCaps = { readonly [P in CapPeriod]: number | null };

// UTC has no daylight saving and epoch ms no leap seconds: these windows are plain arithmetic.
const PERIOD_MS: { readonly [P in CapPeriod]: number } = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};
// Per period: the request count, then the start (epoch ms) of the window it counts.
const COUNT = 0;
const WINDOW = 1;
const STRIDE = 2;

/** PERIOD_MS in CAP_PERIODS' order: the loops per request index it, they look up no names. */
const LENGTHS: readonly number[] = CAP_PERIODS.map((period) => PERIOD_MS[period]);

/** The cap of period `index` of CAP_PERIODS, read by name (an index into names was a keyed lookup). */
function capAt(caps: RequestCaps, index: number): number | null {
  if (index === 0) return caps.minute;
  return index === 1 ? caps.hour : caps.day;
}

const windowStart = (index: number, atMs: number): number =>
  Math.floor(atMs / LENGTHS[index]) * LENGTHS[index];

/**
 * Each user's requests in the current UTC minute, hour and day, across all of their keys. A
 * count moves on to a later window when it sees one and ignores earlier ones, so the figures are
 * the same whatever order the counts arrive in (live requests, or other instances' usage events).
 */
export class RequestCounters {
  private readonly rows = new Map<string, number>();
  private readonly table: FloatTable;
  private lastUser: string | null = null;
  private lastRow = 0;

  /** `initialUsers` sizes the first allocation only (a snapshot's fold counts one key at a time). */
  constructor(initialUsers?: number) {
    this.table = new FloatTable(CAP_PERIODS.length * STRIDE, initialUsers);
  }

  /** Counts `requests` made by `user` at `atMs`. */
  count(user: string, atMs: number, requests: number): void {
    const row = this.rowOf(user);
    for (let index = 0; index < CAP_PERIODS.length; index++)
      this.countIn(row, index, windowStart(index, atMs), requests);
  }

  /** The user's counters as plain numbers, to persist; null when nothing was counted. */
  row(user: string): number[] | null {
    const row = this.rows.get(user);
    return row === undefined ? null : this.table.row(row);
  }

  /**
   * Adds counters taken by `row` (of this user, or of one of their keys) to the user's: the
   * latest window of each period wins and counts in the same window add up, so merging the rows
   * of a user's keys gives what counting all of their requests here would have.
   */
  merge(user: string, counters: readonly number[]): void {
    const row = this.rowOf(user);
    for (let index = 0; index < CAP_PERIODS.length; index++) {
      const base = index * STRIDE;
      const requests = counters[base + COUNT];
      if (requests > 0) this.countIn(row, index, counters[base + WINDOW], requests);
    }
  }

  /** Requests `user` made in the `period` window holding `atMs`. */
  made(user: string, period: CapPeriod, atMs: number): number {
    const row = this.rows.get(user);
    return row === undefined ? 0 : this.madeIn(row, CAP_PERIODS.indexOf(period), atMs);
  }

  /** Seconds until every reached cap's window has ended, or null when no cap is reached. */
  retryAfter(user: string, caps: RequestCaps, atMs: number): number | null {
    if (caps.minute === null && caps.hour === null && caps.day === null) return null;
    const row = this.rowIfAny(user);
    if (row === undefined) return null;
    let retryAfter: number | null = null;
    for (let index = 0; index < CAP_PERIODS.length; index++) {
      const cap = capAt(caps, index);
      if (cap === null || this.madeIn(row, index, atMs) < cap) continue;
      const end = windowStart(index, atMs) + LENGTHS[index];
      retryAfter = Math.max(retryAfter ?? 0, secondsUntil(new Date(end), new Date(atMs)));
    }
    return retryAfter;
  }

  /** Counts requests in the window starting at `start` of period `index`: later windows move the count on. */
  private countIn(row: number, index: number, start: number, requests: number): void {
    const base = index * STRIDE;
    const current = this.table.get(row, base + WINDOW);
    if (start < current) return;
    if (start > current) {
      this.table.set(row, base + WINDOW, start);
      this.table.set(row, base + COUNT, 0);
    }
    this.table.add(row, base + COUNT, requests);
  }

  private madeIn(row: number, index: number, atMs: number): number {
    const base = index * STRIDE;
    const current = this.table.get(row, base + WINDOW) === windowStart(index, atMs);
    return current ? this.table.get(row, base + COUNT) : 0;
  }

  private rowOf(user: string): number {
    let row = this.rowIfAny(user);
    if (row === undefined) {
      row = this.rows.size;
      this.rows.set(user, row);
    }
    return row;
  }

  /** The user's row; the last one found is remembered, as a request checks, then counts, one user. */
  private rowIfAny(user: string): number | undefined {
    if (user === this.lastUser) return this.lastRow;
    const row = this.rows.get(user);
    if (row !== undefined) {
      this.lastUser = user;
      this.lastRow = row;
    }
    return row;
  }
}
