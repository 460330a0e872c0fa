import { RateLimit } from '@keyledger/domain';
import { instantText } from './instant-text';

/** Where a request leaves one named limit: what a gateway shows its caller. */
export interface RateLimitState {
  readonly name: string;
  readonly limit: number;
  /** Units left in the sliding window after this request. */
  readonly remaining: number;
  /** End of the current fixed window (ISO-8601): the previous window's weight is gone by then. */
  readonly reset_at: string;
}

/** One limit's decision, with the figures its headers and Retry-After need. */
export interface WindowVerdict extends RateLimitState {
  readonly admitted: boolean;
  /** Epoch ms of `reset_at`. */
  readonly reset_ms: number;
  /** Seconds until the same cost would be admitted (refused only); null when it never can be. */
  readonly retry_after: number | null;
}

/** Start of the fixed window of `duration` that holds `atMs` (windows are aligned to the epoch). */
export const windowStart = (duration: number, atMs: number): number =>
  Math.floor(atMs / duration) * duration;

/** Units of `limit` left once `spent` (the request's cost when it is admitted) joins the `used` estimate. */
export const unitsLeft = (limit: number, used: number, spent: number): number =>
  Math.max(0, Math.floor(limit - used - spent));

/**
 * The sliding-window estimate (as Cloudflare and Unkey count): the current fixed window's count
 * plus the previous one's, weighted by how much of it the sliding window still covers.
 */
export function slidingCount(
  duration: number,
  atMs: number,
  previous: number,
  current: number,
): number {
  const elapsed = (atMs - windowStart(duration, atMs)) / duration;
  return previous * (1 - elapsed) + current;
}

/**
 * Decides `cost` against one limit given the previous and current fixed-window counts before
 * this request. Local and Redis counting both decide here, so they agree to the last unit.
 */
export function decideWindow(
  rule: RateLimit,
  atMs: number,
  cost: number,
  previous: number,
  current: number,
): WindowVerdict {
  const { name, limit, duration_ms } = rule;
  const used = slidingCount(duration_ms, atMs, previous, current);
  const admitted = used + cost <= limit;
  const start = windowStart(duration_ms, atMs);
  const reset_ms = start + duration_ms;
  return {
    name,
    limit,
    remaining: unitsLeft(limit, used, admitted ? cost : 0),
    reset_at: instantText(reset_ms),
    admitted,
    reset_ms,
    retry_after: admitted ? null : retryAfter(rule, atMs, cost, start, previous, current),
  };
}

/** Seconds until the previous window's weight (or, past it, the current one's) has decayed enough. */
function retryAfter(
  { limit, duration_ms }: RateLimit,
  atMs: number,
  cost: number,
  start: number,
  previous: number,
  current: number,
): number | null {
  const room = limit - cost;
  if (room < 0) return null;
  // Within this window, once previous × (1 − elapsed) ≤ room − current; else in the next one,
  // where this window's count becomes the decaying one.
  const at =
    current <= room
      ? start + (1 - (room - current) / previous) * duration_ms
      : start + duration_ms + (1 - room / current) * duration_ms;
  return Math.max(1, Math.ceil((at - atMs) / 1000));
}

/**
 * The limit a caller is closest to: the one refusing with the longest wait, else the one with the
 * fewest units left (the earliest reset breaking ties). Its figures go into the X-RateLimit headers.
 */
export function tightest<V extends WindowVerdict>(verdicts: readonly V[]): V {
  let chosen = verdicts[0];
  for (const verdict of verdicts) {
    if (verdict.admitted !== chosen.admitted) {
      if (!verdict.admitted) chosen = verdict;
      continue;
    }
    const tighter = verdict.admitted
      ? verdict.remaining < chosen.remaining ||
        (verdict.remaining === chosen.remaining && verdict.reset_ms < chosen.reset_ms)
      : (verdict.retry_after ?? Infinity) > (chosen.retry_after ?? Infinity);
    if (tighter) chosen = verdict;
  }
  return chosen;
}
