import fc from 'fast-check';
import { RateLimit } from '@keyledger/domain';
import { LocalRateLimiter } from './local-rate-limiter';
import { RateLimitCheck, rateLimitCheck } from './rate-limiter';
import { decideWindow, windowStart } from './sliding-window';

const T = Date.parse('2026-03-10T12:00:00.000Z');
const key = {
  id: 'key-1',
  slot: 0,
  rate_limits: [
    { name: 'burst', limit: 6, duration_ms: 1_000 },
    { name: 'minute', limit: 9, duration_ms: 4_000 },
  ],
};

/** The same limits counted the plain way: every fixed window's count, decided by decideWindow alone. */
function referenceSpend(
  windows: Map<string, number>,
  cost: number,
  atMs: number,
  { rate_limits } = key,
): RateLimitCheck {
  const countOf = (name: string, start: number): number => windows.get(`${name}@${start}`) ?? 0;
  const verdicts = rate_limits.map((rule) => {
    const start = windowStart(rule.duration_ms, atMs);
    const previous = countOf(rule.name, start - rule.duration_ms);
    return decideWindow(rule, atMs, cost, previous, countOf(rule.name, start));
  });
  const check = rateLimitCheck(verdicts);
  if (check.admitted) {
    for (const rule of rate_limits) {
      const start = windowStart(rule.duration_ms, atMs);
      windows.set(`${rule.name}@${start}`, countOf(rule.name, start) + cost);
    }
  }
  return check;
}

describe('LocalRateLimiter', () => {
  it('answers every request as decideWindow over all its limits would, to the last unit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 700 })), {
          maxLength: 40,
        }),
        (requests) => {
          const limiter = new LocalRateLimiter();
          const windows = new Map<string, number>();
          let atMs = T;
          for (const [cost, wait] of requests) {
            atMs += wait;
            expect(limiter.spend(key, cost, atMs)).toEqual(referenceSpend(windows, cost, atMs));
          }
        },
      ),
    );
  });

  it("keeps each key's counters apart, through growth and through limits that change", () => {
    const limitsOf = (size: number, limit: number): RateLimit[] =>
      Array.from({ length: size }, (_, i) => ({
        name: `l${i}`,
        limit: limit + i,
        duration_ms: 1_000 * (i + 1),
      }));
    // Slots far apart (the counters grow to hold them); a change replaces a key's limits by
    // fewer or more of them, which starts its counting afresh.
    const request = fc.record({
      key: fc.constantFrom(0, 1, 2),
      cost: fc.integer({ min: 0, max: 3 }),
      wait: fc.integer({ min: 0, max: 700 }),
      change: fc.option(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 9 })), {
        freq: 8,
      }),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 60 }), (requests) => {
        const limiter = new LocalRateLimiter();
        const keys = [0, 7, 5_000].map((slot) => ({
          id: `key-${slot}`,
          slot,
          rate_limits: limitsOf(2, 6),
          windows: new Map<string, number>(),
        }));
        let atMs = T;
        for (const { key: k, cost, wait, change } of requests) {
          const limited = keys[k];
          if (change !== null) {
            limited.rate_limits = limitsOf(...change);
            limited.windows = new Map();
          }
          atMs += wait;
          expect(limiter.spend(limited, cost, atMs)).toEqual(
            referenceSpend(limited.windows, cost, atMs, limited),
          );
        }
      }),
    );
  });

  it('counts on in the newer window after the clock steps back, showing the request its own window end', () => {
    const limiter = new LocalRateLimiter();
    const second = { ...key, rate_limits: [{ name: 'second', limit: 2, duration_ms: 1_000 }] };
    expect(limiter.spend(second, 1, T + 1_500).states[0].reset_at).toBe('2026-03-10T12:00:02.000Z');
    const back = limiter.spend(second, 1, T + 500);
    expect(back.states[0]).toEqual({
      name: 'second',
      limit: 2,
      remaining: 0,
      reset_at: '2026-03-10T12:00:01.000Z',
    });
    expect(back.tightest.reset_ms).toBe(T + 1_000);
    expect(limiter.spend(second, 1, T + 1_600).admitted).toBe(false);
  });

  it('reports the limit whose window ends first when two have as many units left', () => {
    const even = {
      ...key,
      rate_limits: [
        { name: 'hour', limit: 5, duration_ms: 3_600_000 },
        { name: 'second', limit: 5, duration_ms: 1_000 },
      ],
    };
    const check = new LocalRateLimiter().spend(even, 1, T + 10);
    expect(check.states.map((state) => state.remaining)).toEqual([4, 4]);
    expect(check.tightest).toEqual({
      name: 'second',
      limit: 5,
      remaining: 4,
      reset_at: '2026-03-10T12:00:01.000Z',
      reset_ms: T + 1_000,
      admitted: true,
      retry_after: null,
    });
  });
});
