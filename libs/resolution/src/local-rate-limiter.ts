import { RateLimit } from '@keyledger/domain';
import { RateLimitCheck, RateLimitedKey, RateLimiter, rateLimitCheck } from './rate-limiter';
import { instantText } from './instant-text';
import { WindowCounters } from './window-counters';
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
 * synchronous step), but each instance counts only what it admitted. A key's counters are made
 * on its first rate-limited request; a request only adds to them.
 */
export class LocalRateLimiter implements RateLimiter {
  private readonly counters = new WindowCounters(FIELDS);
  /** Each limit's estimate before the request being decided (spend is synchronous: one is enough). */
  private used = new Float64Array(8);

  spend(key: RateLimitedKey, cost: number, atMs: number): RateLimitCheck {
    const rules = key.rate_limits;
    const region = this.counters.regionOf(key.slot, rules);
    const counts = this.counters.values;
    const used = this.usedFor(rules.length);
    for (let i = 0, at = region; i < rules.length; i++, at += FIELDS) {
      const { limit, duration_ms } = rules[i];
      rollTo(counts, at, windowStart(duration_ms, atMs), duration_ms);
      used[i] = slidingCount(duration_ms, atMs, counts[at + PREVIOUS], counts[at + CURRENT]);
      if (used[i] + cost > limit) return refusal(rules, counts, region, cost, atMs);
    }
    const end = region + rules.length * FIELDS;
    for (let at = region + CURRENT; at < end; at += FIELDS) counts[at] += cost;
    return admitted(rules, used, cost, atMs);
  }

  close(): Promise<void> {
    this.counters.clear();
    return Promise.resolve();
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
  region: number,
  cost: number,
  atMs: number,
): RateLimitCheck {
  const verdicts = rules.map((rule, i) => {
    const at = region + i * FIELDS;
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
