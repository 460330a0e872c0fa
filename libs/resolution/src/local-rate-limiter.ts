import { RateLimit } from '@keyledger/domain';
import { RateLimitCheck, RateLimitedKey, RateLimiter, rateLimitCheck } from './rate-limiter';
import { instantText } from './instant-text';
import {
  decideWindow,
  RateLimitState,
  slidingCount,
  unitsLeft,
  WindowVerdict,
  windowStart,
} from './sliding-window';

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
  /** Each limit's estimate before the request being decided (spend is synchronous: one is enough). */
  private used = new Float64Array(8);

  spend(key: RateLimitedKey, cost: number, atMs: number): RateLimitCheck {
    const rules = key.rate_limits;
    const counts = this.countsOf(key);
    const used = this.usedFor(rules.length);
    for (let i = 0, at = 0; i < rules.length; i++, at += FIELDS) {
      const { limit, duration_ms } = rules[i];
      rollTo(counts, at, windowStart(duration_ms, atMs), duration_ms);
      used[i] = slidingCount(duration_ms, atMs, counts[at + PREVIOUS], counts[at + CURRENT]);
      if (used[i] + cost > limit) return refusal(rules, counts, cost, atMs);
    }
    for (let at = CURRENT; at < counts.length; at += FIELDS) counts[at] += cost;
    return admitted(rules, used, cost, atMs);
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

  private usedFor(limits: number): Float64Array {
    if (this.used.length < limits) this.used = new Float64Array(limits);
    return this.used;
  }
}

/**
 * The check of a request every limit admitted, built straight from the figures: the answer's
 * states and one verdict for the headers, instead of a verdict per limit mapped into states.
 * The tightest is the one with the fewest units left, the earliest reset breaking ties.
 */
function admitted(
  rules: readonly RateLimit[],
  used: Float64Array,
  cost: number,
  atMs: number,
): RateLimitCheck {
  const states = new Array<RateLimitState>(rules.length);
  let chosen = 0;
  let chosenResetMs = Infinity;
  for (let i = 0; i < rules.length; i++) {
    const { name, limit, duration_ms } = rules[i];
    const resetMs = windowStart(duration_ms, atMs) + duration_ms;
    const remaining = unitsLeft(limit, used[i], cost);
    states[i] = { name, limit, remaining, reset_at: instantText(resetMs) };
    const least = states[chosen].remaining;
    if (i === 0 || remaining < least || (remaining === least && resetMs < chosenResetMs)) {
      chosen = i;
      chosenResetMs = resetMs;
    }
  }
  const { name, limit, remaining, reset_at } = states[chosen];
  const tightest: WindowVerdict = {
    name,
    limit,
    remaining,
    reset_at,
    admitted: true,
    reset_ms: chosenResetMs,
    retry_after: null,
  };
  return { admitted: true, states, tightest };
}

/** A limit refuses: every limit's verdict, for the refusing one's Retry-After (refusals are the rare path). */
function refusal(
  rules: readonly RateLimit[],
  counts: Float64Array,
  cost: number,
  atMs: number,
): RateLimitCheck {
  const verdicts = rules.map((rule, i) => {
    const at = i * FIELDS;
    rollTo(counts, at, windowStart(rule.duration_ms, atMs), rule.duration_ms);
    return decideWindow(rule, atMs, cost, counts[at + PREVIOUS], counts[at + CURRENT]);
  });
  return rateLimitCheck(verdicts);
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
