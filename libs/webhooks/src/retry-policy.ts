/** How often and how patiently a delivery is retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is dead. */
  readonly maxAttempts: number;
  /** The wait after the first failure; each further failure doubles it. */
  readonly baseDelayMs: number;
  /** No wait is longer, however many failures. */
  readonly maxDelayMs: number;
}

/** About a day and a half of retries: 10 s doubling to an hour, 16 attempts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 16,
  baseDelayMs: 10_000,
  maxDelayMs: 3_600_000,
};

/** A number in [0, 1), like Math.random; injected so that tests are deterministic. */
export type Random = () => number;

/** What happens to a delivery after a failed attempt. */
export type AfterFailure =
  { readonly status: 'pending'; readonly next_attempt_at: number } | { readonly status: 'dead' };

/**
 * The wait before the next attempt after `failedAttempts` failures: exponential, capped, with
 * "equal jitter" (half fixed, half random) so that endpoints recovering from an outage are not
 * hit by every sender at the same instant, while no retry comes sooner than half its step.
 */
export function retryDelay(policy: RetryPolicy, failedAttempts: number, random: Random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Dead once `failedAttempts` reaches the policy's maximum, else pending until the next retry. */
export function afterFailure(
  policy: RetryPolicy,
  failedAttempts: number,
  nowMs: number,
  random: Random,
): AfterFailure {
  return failedAttempts >= policy.maxAttempts
    ? { status: 'dead' }
    : { status: 'pending', next_attempt_at: nowMs + retryDelay(policy, failedAttempts, random) };
}
