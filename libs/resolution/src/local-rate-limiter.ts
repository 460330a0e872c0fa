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

/**
 * Sliding-window rate limits counted in this process: exact here (check and spend are one
 * synchronous step), but each instance counts only what it admitted. A key's counters are made
 * on its first rate-limited request; a request only adds to them.
 */
export class LocalRateLimiter implements RateLimiter {
  private readonly counters = new WindowCounters();
  /** Each limit's estimate before the request being decided (spend is synchronous: one is enough). */
  private used = new Float64Array(8);

  spend(key: RateLimitedKey, cost: number, atMs: number): RateLimitCheck {
    const rules = key.rate_limits;
    const counters = this.counters;
    const first = counters.firstLimitOf(key.slot, rules);
    const used = this.usedFor(rules.length);
    for (let i = 0; i < rules.length; i++) {
      const { limit, duration_ms } = rules[i];
      counters.rollTo(first + i, windowStart(duration_ms, atMs), duration_ms);
      used[i] = slidingCount(
        duration_ms,
        atMs,
        counters.previous(first + i),
        counters.current(first + i),
      );
      if (used[i] + cost > limit) return refusal(rules, counters, first, cost, atMs);
    }
    for (let i = 0; i < rules.length; i++) counters.add(first + i, cost);
    return admitted(rules, counters, first, used, cost, atMs);
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
  counters: WindowCounters,
  first: number,
  used: Float64Array,
  cost: number,
  atMs: number,
): RateLimitCheck {
  const states = new Array<RateLimitState>(rules.length);
  let chosen = 0;
  let chosenResetMs = Infinity;
  for (let i = 0; i < rules.length; i++) {
    const { name, limit, duration_ms } = rules[i];
    const remaining = unitsLeft(limit, used[i], cost);
    let resetMs = counters.windowEnd(first + i, duration_ms);
    let resetAt = counters.windowEndText(first + i);
    // After a clock stepped back the counters stay in the newer window; the answer shows the request's own.
    if (resetMs - duration_ms !== windowStart(duration_ms, atMs)) {
      resetMs = windowStart(duration_ms, atMs) + duration_ms;
      resetAt = instantText(resetMs);
    }
    states[i] = { name, limit, remaining, reset_at: resetAt };
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
  counters: WindowCounters,
  first: number,
  cost: number,
  atMs: number,
): RateLimitCheck {
  const verdicts = rules.map((rule, i) => {
    counters.rollTo(first + i, windowStart(rule.duration_ms, atMs), rule.duration_ms);
    return decideWindow(
      rule,
      atMs,
      cost,
      counters.previous(first + i),
      counters.current(first + i),
    );
  });
  return rateLimitCheck(verdicts);
}
