import { Refusal } from '@keyledger/resolution';
import { ApiError } from '../../shared/errors/api-error';

/** A resolution refusal as the SPEC §7 error it answers with; 429s carry `Retry-After`. */
export function refusalError(refusal: Refusal): ApiError {
  const headers: Record<string, string> =
    refusal.retry_after === null ? {} : { 'Retry-After': String(refusal.retry_after) };
  return new ApiError(refusal.status, refusal.code, refusal.message, [], headers);
}
