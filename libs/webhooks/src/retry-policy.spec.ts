import fc from 'fast-check';
import { afterFailure, retryDelay, RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };

describe('retryDelay', () => {
  it('doubles per failure up to the cap, with half of each step fixed', () => {
    const lowest = () => 0;
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(policy, n, lowest))).toEqual([
      500, 1000, 2000, 2500, 2500,
    ]);
    const highest = () => 0.999999;
    expect([1, 2, 3, 4].map((n) => retryDelay(policy, n, highest))).toEqual([
      1000, 2000, 4000, 5000,
    ]);
  });

  it('always stays within [step / 2, step]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
          const delay = retryDelay(policy, n, () => r);
          return delay >= step / 2 && delay <= step;
        },
      ),
    );
  });
});

describe('afterFailure', () => {
  it('schedules a retry until the last attempt, then gives up', () => {
    expect(afterFailure(policy, 1, 10_000, () => 0)).toEqual({
      status: 'pending',
      next_attempt_at: 10_500,
    });
    expect(afterFailure(policy, 3, 10_000, () => 0)).toEqual({
      status: 'pending',
      next_attempt_at: 12_000,
    });
    expect(afterFailure(policy, 4, 10_000, () => 0)).toEqual({ status: 'dead' });
  });
});
