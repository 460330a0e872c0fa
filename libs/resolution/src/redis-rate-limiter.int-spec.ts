import { randomUUID } from 'node:crypto';
import { RateLimit } from '@keyledger/domain';
import { LocalRateLimiter } from './local-rate-limiter';
import { RateLimitCheck, RateLimitedKey } from './rate-limiter';
import { RedisRateLimiter } from './redis-rate-limiter';
import { freePort, TestRedis, testRedis } from './testing';

const T = Date.parse('2026-03-10T12:00:00.000Z');
const limits: readonly RateLimit[] = [
  { name: 'burst', limit: 7, duration_ms: 1_000 },
  { name: 'minute', limit: 20, duration_ms: 60_000 },
];
let slots = 0;
const keyWith = (rate_limits = limits): RateLimitedKey => ({
  id: randomUUID(),
  slot: slots++,
  rate_limits,
});

describe('RedisRateLimiter', () => {
  let redis: TestRedis;
  const limiters: RedisRateLimiter[] = [];
  const connect = (url: string, onFallback?: (error: unknown) => void): RedisRateLimiter => {
    const limiter = RedisRateLimiter.connect(url, { commandTimeoutMs: 1_000, onFallback });
    limiters.push(limiter);
    return limiter;
  };

  beforeAll(async () => {
    redis = await testRedis();
  });
  afterEach(async () => {
    for (const limiter of limiters.splice(0)) await limiter.close();
  });
  afterAll(() => redis.stop());

  const ready = async (limiter: RedisRateLimiter): Promise<void> => {
    expect(await limiter.whenReady(10_000)).toBe(true);
  };
  const noFallback = (error: unknown): void => {
    throw new Error(`fell back: ${String(error)}`);
  };

  it('shares one exact limit between instances: concurrent spends admit exactly the limit', async () => {
    const a = connect(redis.url, noFallback);
    const b = connect(redis.url, noFallback);
    await Promise.all([ready(a), ready(b)]);
    const key = keyWith();
    const checks: RateLimitCheck[] = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).spend(key, 1, T)),
    );
    expect(checks.filter((check) => check.admitted)).toHaveLength(7);
    const refused = checks.find((check) => !check.admitted) as RateLimitCheck;
    expect(refused.tightest).toMatchObject({ name: 'burst', remaining: 0, limit: 7 });
    // A second later the burst window slid on; the minute still holds the 7 spent.
    const later = await a.spend(key, 1, T + 1_000);
    expect(later).toMatchObject({ admitted: false });
    const afterTwo = await b.spend(key, 1, T + 2_000);
    expect(afterTwo.admitted).toBe(true);
    expect(afterTwo.states.map((state) => state.remaining)).toEqual([6, 12]);
  });

  it('decides exactly as the local limiter does for one instance', async () => {
    const shared = connect(redis.url);
    await ready(shared);
    const local = new LocalRateLimiter();
    const key = keyWith();
    for (let i = 0; i < 40; i++) {
      const at = T + i * 137;
      const cost = i % 3;
      expect(await shared.spend(key, cost, at)).toEqual(local.spend(key, cost, at));
    }
  });

  it('falls back to per-instance counting when Redis is unreachable, and says so', async () => {
    const fallbacks: unknown[] = [];
    const down = connect(`redis://127.0.0.1:${await freePort()}`, (error) => fallbacks.push(error));
    const key = keyWith([{ name: 'burst', limit: 2, duration_ms: 1_000 }]);
    const checks = [];
    for (let i = 0; i < 3; i++) checks.push(await down.spend(key, 1, T));
    expect(checks.map((check) => check.admitted)).toEqual([true, true, false]);
    expect(fallbacks).toHaveLength(3);
  });
});
