import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { LocalRateLimiter } from './local-rate-limiter';
import { RateLimitCheck, RateLimitedKey, RateLimiter, rateLimitCheck } from './rate-limiter';
import { decideWindow, windowStart } from './sliding-window';

/**
 * Runs in Redis, atomically: reads every limit's current and previous window counts, and only if
 * each sliding estimate has room for the cost, adds it to every current window. KEYS: per limit,
 * its current then its previous window key. ARGV: cost, now (ms), then per limit: limit,
 * duration (ms), current window start (ms). Returns admitted (1/0), then per limit the current
 * count before this request and the previous count. The estimate is the same formula as
 * `slidingCount`, in the same double arithmetic, so Redis and the caller agree.
 */
const SPEND_SCRIPT = `
local cost = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local n = #KEYS / 2
local out = { 1 }
for i = 1, n do
  local current = tonumber(redis.call('GET', KEYS[2 * i - 1]) or '0')
  local previous = tonumber(redis.call('GET', KEYS[2 * i]) or '0')
  local limit = tonumber(ARGV[3 * i])
  local duration = tonumber(ARGV[3 * i + 1])
  local start = tonumber(ARGV[3 * i + 2])
  if previous * (1 - (now - start) / duration) + current + cost > limit then out[1] = 0 end
  out[2 * i] = current
  out[2 * i + 1] = previous
end
if out[1] == 1 and cost > 0 then
  for i = 1, n do
    redis.call('INCRBY', KEYS[2 * i - 1], cost)
    redis.call('PEXPIRE', KEYS[2 * i - 1], 2 * tonumber(ARGV[3 * i + 1]))
  end
end
return out
`;
const SPEND_SHA = createHash('sha1').update(SPEND_SCRIPT).digest('hex');

/** How a shared limiter reports that it counted locally instead. */
export type RateLimitFallbackListener = (error: unknown) => void;

/** Options of the shared limiter. */
export interface RedisRateLimiterOptions {
  /** Longest wait for Redis before a request falls back to this instance's counters. */
  readonly commandTimeoutMs?: number;
  /** Told each time a request was counted locally because Redis did not answer. */
  readonly onFallback?: RateLimitFallbackListener;
}

/**
 * Rate limits shared by every instance through one Redis: each request runs SPEND_SCRIPT, so N
 * instances enforce one exact limit. When Redis is unreachable or slow, the request is decided
 * by this instance's own counters (per-instance limits, never none) and `onFallback` is told:
 * the gateway keeps answering, and the operator sees it in logs and metrics.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly local = new LocalRateLimiter();

  private constructor(
    private readonly redis: Redis,
    private readonly onFallback: RateLimitFallbackListener,
  ) {}

  /** Connects in the background: requests made before Redis answers fall back. */
  static connect(url: string, options: RedisRateLimiterOptions = {}): RedisRateLimiter {
    const redis = new Redis(url, {
      // Fail fast instead of queueing while disconnected: a queued resolve would hang the gateway.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 250,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    const onFallback = options.onFallback ?? (() => undefined);
    // Connection errors surface on requests (as fallbacks); without a listener they would crash.
    redis.on('error', () => undefined);
    return new RedisRateLimiter(redis, onFallback);
  }

  /** True once connected to Redis; false if that did not happen within `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.redis.status === 'ready') return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ready: boolean): void => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(ready);
      };
      const onReady = (): void => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.redis.once('ready', onReady);
    });
  }

  async spend(key: RateLimitedKey, cost: number, atMs: number): Promise<RateLimitCheck> {
    const rules = key.rate_limits;
    const keys: string[] = [];
    const args: number[] = [cost, atMs];
    for (const rule of rules) {
      const start = windowStart(rule.duration_ms, atMs);
      keys.push(
        windowKey(key.id, rule.name, rule.duration_ms, start),
        windowKey(key.id, rule.name, rule.duration_ms, start - rule.duration_ms),
      );
      args.push(rule.limit, rule.duration_ms, start);
    }
    let reply: unknown;
    try {
      reply = await this.run(keys, args);
    } catch (error) {
      this.onFallback(error);
      return this.local.spend(key, cost, atMs);
    }
    const counts = reply as readonly number[];
    return rateLimitCheck(
      rules.map((rule, i) => decideWindow(rule, atMs, cost, counts[2 * i + 2], counts[2 * i + 1])),
    );
  }

  async close(): Promise<void> {
    await this.local.close();
    this.redis.disconnect();
  }

  private async run(keys: readonly string[], args: readonly number[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(SPEND_SHA, keys.length, ...keys, ...args);
    } catch (error) {
      // The script cache is empty after a Redis restart: send the script once, then by sha again.
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return this.redis.eval(SPEND_SCRIPT, keys.length, ...keys, ...args);
    }
  }
}

/** One fixed window's counter; the `{key id}` hash tag keeps a key's counters in one cluster slot. */
const windowKey = (keyId: string, name: string, duration: number, start: number): string =>
  `keyledger:rl:{${keyId}}:${name}:${duration}:${start}`;
