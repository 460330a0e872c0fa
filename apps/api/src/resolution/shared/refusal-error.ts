import { Refusal } from '@keyledger/resolution';
import { ApiError } from '../../shared/errors/api-error';
import { rateLimitHeaders } from './rate-limit-headers';

/**
 * A resolution refusal as the SPEC §7 error it answers with; 429s carry `Retry-After`, and a
 * `rate_limited` one the X-RateLimit headers of the limit that refused.
 */
export function refusalError(refusal: Refusal): ApiError {
  const headers: Record<string, string> = {
    ...(refusal.retry_after !== null && { 'Retry-After': String(refusal.retry_after) }),
    ...(refusal.rate_limit !== undefined && rateLimitHeaders(refusal.rate_limit)),
  };
  return new ApiError(refusal.status, refusal.code, refusal.message, [], headers);
}
