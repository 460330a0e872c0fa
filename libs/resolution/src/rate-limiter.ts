import { RateLimit } from '@keyledger/domain';
import { RateLimitState, tightest, WindowVerdict } from './sliding-window';

/** What a rate limiter needs of a key. */
export interface RateLimitedKey {
  readonly id: string;
  /** A small integer naming the key in this process (its ledger slot): cheaper to look up than the id. */
  readonly slot: number;
  readonly rate_limits: readonly RateLimit[];
}

/** The decision over all of a key's limits: all admit (and are spent) or none is spent. */
export interface RateLimitCheck {
  readonly admitted: boolean;
  /** Each limit after this request, in the key's order: the resolve answer's `rate_limits`. */
  readonly states: readonly RateLimitState[];
  /** The verdict the X-RateLimit headers and Retry-After report. */
  readonly tightest: WindowVerdict;
}

/**
 * Spends `cost` units against every named limit of a key at `atMs`, only if all of them have
 * room. Local limiters answer at once; a shared (Redis) one answers with a promise.
 */
export interface RateLimiter {
  spend(key: RateLimitedKey, cost: number, atMs: number): RateLimitCheck | Promise<RateLimitCheck>;
  close(): Promise<void>;
}

/** The check of a key's verdicts. */
export function rateLimitCheck(verdicts: readonly WindowVerdict[]): RateLimitCheck {
  const chosen = tightest(verdicts);
  // The tightest limit is a refusing one whenever any refuses.
  return { admitted: chosen.admitted, states: verdicts.map(rateLimitState), tightest: chosen };
}

/** What a resolve answer shows of a limit: the verdict without the deciding figures. */
export const rateLimitState = ({
  name,
  limit,
  remaining,
  reset_at,
}: WindowVerdict): RateLimitState => ({
  name,
  limit,
  remaining,
  reset_at,
});
