import { LimitReset } from '@keyledger/domain';
import { CalendarWindows } from './calendar-windows';
import { toCredits } from './credits';
import { FloatTable } from './float-table';

/** Usage to count: requests, and costs in nanocredits (platform-billed and BYOK). */
export interface UsageAmounts {
  readonly requests: number;
  readonly cost: number;
  readonly byok_cost: number;
}

/** A key's reported usage (SPEC §3), in credits. */
export interface UsageFigures {
  readonly usage: number;
  readonly usage_daily: number;
  readonly usage_weekly: number;
  readonly usage_monthly: number;
  readonly byok_usage: number;
  readonly byok_usage_daily: number;
  readonly byok_usage_weekly: number;
  readonly byok_usage_monthly: number;
  readonly requests: number;
  readonly requests_daily: number;
  readonly requests_weekly: number;
  readonly requests_monthly: number;
  readonly last_used_at: string | null;
}

/** The figures of a key nothing was ever counted for. */
export const NO_USAGE: UsageFigures = {
  usage: 0,
  usage_daily: 0,
  usage_weekly: 0,
  usage_monthly: 0,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
  requests: 0,
  requests_daily: 0,
  requests_weekly: 0,
  requests_monthly: 0,
  last_used_at: null,
};

/** All-time, then the three calendar windows; `total` is also the window of a limit that never resets. */
type Period = 'total' | LimitReset;
const RESETS: readonly LimitReset[] = ['daily', 'weekly', 'monthly'];

// Per period: calendar figures, figures since the key's last manual reset (what its limit
// counts), and the start of the window they belong to.
const COST = 0;
const BYOK = 1;
const REQUESTS = 2;
const LIMIT_COST = 3;
const LIMIT_BYOK = 4;
const WINDOW = 5;
const STRIDE = 6;
const BASE: { readonly [P in Period]: number } = {
  total: 0,
  daily: STRIDE,
  weekly: 2 * STRIDE,
  monthly: 3 * STRIDE,
};
const LAST_USED = 4 * STRIDE;
const COLUMNS = LAST_USED + 1;

/**
 * Where each column above sits in a row in memory (`row` and `restore` keep the order above).
 * The columns every admitted request reads or writes, its requests and window starts and the
 * last use, sit side by side first, so a request touches one or two cache lines of its row
 * instead of all four; the limit's counters follow, then the costs.
 */
const AT: Uint8Array = (() => {
  const inMemory = [
    BASE.total + REQUESTS,
    ...RESETS.flatMap((reset) => [BASE[reset] + WINDOW, BASE[reset] + REQUESTS]),
    LAST_USED,
    ...[LIMIT_COST, LIMIT_BYOK, COST, BYOK].flatMap((column) =>
      (['total', ...RESETS] as const).map((period) => BASE[period] + column),
    ),
    BASE.total + WINDOW,
  ];
  const at = new Uint8Array(COLUMNS);
  inMemory.forEach((column, position) => (at[column] = position));
  return at;
})();

/**
 * Every key's usage counters, one row of numbers per key. A window's counters move on when usage
 * of a later window arrives and ignore usage of an earlier one, so the figures are a function of
 * the usage counted, not of the order it arrived in: live counting and a rebuild agree.
 */
export class UsageLedger {
  private readonly table: FloatTable;

  /** `initialKeys` sizes the first allocation only (a snapshot's fold holds one key at a time). */
  constructor(initialKeys?: number) {
    this.table = new FloatTable(COLUMNS, initialKeys);
  }

  /**
   * Counts usage that happened in `windows` (last activity `lastUsedMs`). `towardLimit` is false
   * for usage from before the key's last manual reset: reported, but no longer limiting.
   */
  count(
    slot: number,
    windows: CalendarWindows,
    lastUsedMs: number,
    amounts: UsageAmounts,
    towardLimit: boolean,
  ): void {
    this.add(slot, BASE.total, amounts, towardLimit);
    // Spelled out per window: every admitted request comes through here.
    this.countInWindow(slot, BASE.daily, windows.daily.start, amounts, towardLimit);
    this.countInWindow(slot, BASE.weekly, windows.weekly.start, amounts, towardLimit);
    this.countInWindow(slot, BASE.monthly, windows.monthly.start, amounts, towardLimit);
    if (lastUsedMs > this.table.get(slot, AT[LAST_USED]))
      this.table.set(slot, AT[LAST_USED], lastUsedMs);
  }

  /** Nanocredits counting toward a limit that resets by `reset` (null: never), at `windows`. */
  limitUsage(
    slot: number,
    reset: LimitReset | null,
    includeByok: boolean,
    windows: CalendarWindows,
  ): number {
    const base = BASE[reset ?? 'total'];
    if (reset !== null && this.table.get(slot, AT[base + WINDOW]) !== windows[reset].start)
      return 0;
    const byok = includeByok ? this.table.get(slot, AT[base + LIMIT_BYOK]) : 0;
    return this.table.get(slot, AT[base + LIMIT_COST]) + byok;
  }

  /** A manual reset: nothing counted so far limits the key any more. */
  clearLimit(slot: number): void {
    for (const period of ['total', ...RESETS] as const) {
      this.table.set(slot, AT[BASE[period] + LIMIT_COST], 0);
      this.table.set(slot, AT[BASE[period] + LIMIT_BYOK], 0);
    }
  }

  /** The key's figures in the windows holding `windows` (0 for a window with no usage yet). */
  figures(slot: number, windows: CalendarWindows): UsageFigures {
    const read = (period: Period, column: number): number => {
      const base = BASE[period];
      const stale =
        period !== 'total' && this.table.get(slot, AT[base + WINDOW]) !== windows[period].start;
      return stale ? 0 : this.table.get(slot, AT[base + column]);
    };
    const credits = (period: Period, column: number): number => toCredits(read(period, column));
    const lastUsed = this.table.get(slot, AT[LAST_USED]);
    return {
      usage: credits('total', COST),
      usage_daily: credits('daily', COST),
      usage_weekly: credits('weekly', COST),
      usage_monthly: credits('monthly', COST),
      byok_usage: credits('total', BYOK),
      byok_usage_daily: credits('daily', BYOK),
      byok_usage_weekly: credits('weekly', BYOK),
      byok_usage_monthly: credits('monthly', BYOK),
      requests: read('total', REQUESTS),
      requests_daily: read('daily', REQUESTS),
      requests_weekly: read('weekly', REQUESTS),
      requests_monthly: read('monthly', REQUESTS),
      last_used_at: lastUsed === 0 ? null : new Date(lastUsed).toISOString(),
    };
  }

  /** The key's counters as plain numbers, to persist (see `restore`). */
  row(slot: number): number[] {
    return Array.from(AT, (at) => this.table.get(slot, at));
  }

  /** Puts back counters taken by `row`: the key's figures are as they were. */
  restore(slot: number, row: readonly number[]): void {
    AT.forEach((at, column) => this.table.set(slot, at, row[column] ?? 0));
  }

  /** Counts usage in the calendar window starting at `start`: a later window moves the counters on. */
  private countInWindow(
    slot: number,
    base: number,
    start: number,
    amounts: UsageAmounts,
    towardLimit: boolean,
  ): void {
    const current = this.table.get(slot, AT[base + WINDOW]);
    if (start < current) return;
    if (start > current) this.moveOn(slot, base, start);
    this.add(slot, base, amounts, towardLimit);
  }

  private moveOn(slot: number, base: number, start: number): void {
    for (const column of [COST, BYOK, REQUESTS, LIMIT_COST, LIMIT_BYOK]) {
      this.table.set(slot, AT[base + column], 0);
    }
    this.table.set(slot, AT[base + WINDOW], start);
  }

  /** Adds what is not zero: an admitted request counts one request and no cost, in every period. */
  private add(slot: number, base: number, amounts: UsageAmounts, towardLimit: boolean): void {
    const { requests, cost, byok_cost } = amounts;
    if (requests !== 0) this.table.add(slot, AT[base + REQUESTS], requests);
    if (cost !== 0) {
      this.table.add(slot, AT[base + COST], cost);
      if (towardLimit) this.table.add(slot, AT[base + LIMIT_COST], cost);
    }
    if (byok_cost !== 0) {
      this.table.add(slot, AT[base + BYOK], byok_cost);
      if (towardLimit) this.table.add(slot, AT[base + LIMIT_BYOK], byok_cost);
    }
  }
}
