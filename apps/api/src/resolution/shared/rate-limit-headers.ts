import { WindowVerdictView } from '@keyledger/resolution';

/**
 * The X-RateLimit headers of a key's tightest limit (GitHub's names): its limit, what is left
 * of it, and when its current window ends (epoch seconds).
 */
export function rateLimitHeaders(tightest: WindowVerdictView): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(tightest.limit),
    'X-RateLimit-Remaining': String(tightest.remaining),
    'X-RateLimit-Reset': String(Math.ceil(tightest.reset_ms / 1000)),
  };
}
