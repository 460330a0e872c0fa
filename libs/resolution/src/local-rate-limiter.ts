import { RateLimit } from '@keyledger/domain';
import { RateLimitCheck, RateLimitedKey, RateLimiter, rateLimitCheck } from './rate-limiter';
import { decideWindow, WindowVerdict, windowStart } from './sliding-window';

/** Per limit: the start of the current fixed window, its count, and the previous window's. */
const WINDOW = 0;
const CURRENT = 1;
const PREVIOUS = 2;
const FIELDS = 3;

interface KeyWindows {
  /** The limits these counters belong to: a KeyRateLimitsSet replaces the array, and the counters. */
  readonly rules: readonly RateLimit[];
  readonly counts: Float64Array;
}

/**
 * Sliding-window rate limits counted in this process: exact here (check and spend are one
 * synchronous step), but each instance counts only what it admitted. Counters are allocated once
 * per key, on its first rate-limited request.
 */
export class LocalRateLimiter implements RateLimiter {
  private readonly keys = new Map<number, KeyWindows>();

  spend(key: RateLimitedKey, cost: number, atMs: number): RateLimitCheck {
    const { counts, rules } = this.windowsOf(key);
    const verdicts: WindowVerdict[] = [];
    for (let i = 0, at = 0; i < rules.length; i++, at += FIELDS) {
      const rule = rules[i];
      rollTo(counts, at, windowStart(rule.duration_ms, atMs), rule.duration_ms);
      verdicts.push(decideWindow(rule, atMs, cost, counts[at + PREVIOUS], counts[at + CURRENT]));
    }
    const check = rateLimitCheck(verdicts);
    if (check.admitted) for (let i = 0; i < rules.length; i++) counts[i * FIELDS + CURRENT] += cost;
    return check;
  }

  close(): Promise<void> {
    this.keys.clear();
    return Promise.resolve();
  }

  private windowsOf(key: RateLimitedKey): KeyWindows {
    const known = this.keys.get(key.slot);
    if (known !== undefined && known.rules === key.rate_limits) return known;
    const windows = {
      rules: key.rate_limits,
      counts: new Float64Array(key.rate_limits.length * FIELDS),
    };
    this.keys.set(key.slot, windows);
    return windows;
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
