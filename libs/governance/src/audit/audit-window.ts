import { AuditEntryDocument } from '@keyledger/read-models';

/** A time range on `occurred_at` in epoch ms: `from` inclusive, `to` exclusive; null is open. */
export interface TimeWindow {
  readonly from: number | null;
  readonly to: number | null;
}

/** The window that takes everything. */
export const OPEN_WINDOW: TimeWindow = { from: null, to: null };

/** Position order, oldest first (`asc`) or newest first (`desc`). */
export type ScanOrder = 'asc' | 'desc';

/** What a scan does with an entry: keep it, pass over it, or end (nothing further can match). */
export type Verdict = 'take' | 'skip' | 'stop';

/**
 * How far an event's `occurred_at` (the command's clock) may stray from its `recorded_at` (the
 * store's clock, in position order): command latency plus clock skew, generously bounded.
 */
export const CLOCK_MARGIN_MS = 15 * 60_000;

export const isOpen = (window: TimeWindow): boolean => window.from === null && window.to === null;

/**
 * Whether an entry falls in the window and, when not, whether a scan in `order` can end here.
 * The read store filters by equality only, so time is checked while scanning; because positions
 * follow `recorded_at`, a scan past the window's far edge by more than the margin is done.
 */
export function judge(
  entry: Pick<AuditEntryDocument, 'occurred_at' | 'recorded_at'>,
  window: TimeWindow,
  order: ScanOrder,
): Verdict {
  const occurred = Date.parse(entry.occurred_at);
  const afterFrom = window.from === null || occurred >= window.from;
  const beforeTo = window.to === null || occurred < window.to;
  if (afterFrom && beforeTo) return 'take';
  const recorded = Date.parse(entry.recorded_at);
  if (order === 'desc' && window.from !== null && recorded < window.from - CLOCK_MARGIN_MS)
    return 'stop';
  if (order === 'asc' && window.to !== null && recorded > window.to + CLOCK_MARGIN_MS)
    return 'stop';
  return 'skip';
}
