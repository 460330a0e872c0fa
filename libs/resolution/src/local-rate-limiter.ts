import { RateLimit } from '@keyledger/domain';
import { RateLimitCheck, RateLimitedKey, RateLimiter, rateLimitCheck } from './rate-limiter';
import { decideWindow, WindowVerdict, windowStart } from './sliding-window';

/** Per limit: the start of the current fixed window, its count, and the previous window's. */
const WINDOW = 0;
const CURRENT = 1;
const PREVIOUS = 2;
const FIELDS = 3;

/**
 * Sliding-window rate limits counted in this process: exact here (check and spend are one
 * synchronous step), but each instance counts only what it admitted. Counters are allocated once
 * per key, on its first rate-limited request; a request only adds to them.
 */
export class LocalRateLimiter implements RateLimiter {
  // By ledger slot (dense small integers): an index instead of a hash lookup, and no object in
  // between, so a request touches the counters themselves and the key's (shared) limits only.
  /** The limits each key's counters belong to: a KeyRateLimitsSet replaces the array, and the counters. */
  private rules: (readonly RateLimit[] | undefined)[] = [];
  private counts: (Float64Array | undefined)[] = [];

  spend(key: RateLimitedKey, cost: number, atMs: number): RateLimitCheck {
    const rules = key.rate_limits;
    const counts = this.countsOf(key);
    const verdicts: WindowVerdict[] = new Array<WindowVerdict>(rules.length);
    for (let i = 0, at = 0; i < rules.length; i++, at += FIELDS) {
      const rule = rules[i];
      rollTo(counts, at, windowStart(rule.duration_ms, atMs), rule.duration_ms);
      verdicts[i] = decideWindow(rule, atMs, cost, counts[at + PREVIOUS], counts[at + CURRENT]);
    }
    const check = rateLimitCheck(verdicts);
    if (check.admitted) for (let at = CURRENT; at < counts.length; at += FIELDS) counts[at] += cost;
    return check;
  }

  close(): Promise<void> {
    this.rules = [];
    this.counts = [];
    return Promise.resolve();
  }

  private countsOf(key: RateLimitedKey): Float64Array {
    const known = this.counts[key.slot];
    if (known !== undefined && this.rules[key.slot] === key.rate_limits) return known;
    // Window start 0 is before any request: the first one rolls each limit to its window.
    const counts = new Float64Array(key.rate_limits.length * FIELDS);
    this.rules[key.slot] = key.rate_limits;
    this.counts[key.slot] = counts;
    return counts;
  }
}

/** Moves one limit's counters to the window starting at `start`: the current count becomes the previous one. */
function rollTo(counts: Float64Array, at: number, start: number, duration: number): void {
  const current = counts[at + WINDOW];
  // A clock that stepped back stays in the newer window: counting more is the safe side.
  if (start <= current) return;
  counts[at + PREVIOUS] = start - current === duration ? counts[at + CURRENT] : 0;
  counts[at + CURRENT] = 0;
  counts[at + WINDOW] = start;
}
