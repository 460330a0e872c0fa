import { parseTimestamp } from '../shared/timestamp';
import { FieldErrors } from '../shared/validation';

/**
 * The expiry as a canonical UTC ISO string (or null for none); records an error on `expires_at`
 * unless it is null or a timestamp strictly after `now`.
 */
export function checkExpiry(errors: FieldErrors, expiresAt: unknown, now: string): string | null {
  if (expiresAt === null) return null;
  const instant = parseTimestamp(expiresAt);
  if (instant === null) {
    errors.add('expires_at', 'must be null or an ISO-8601 date or timestamp with a time zone');
    return null;
  }
  if (instant.getTime() <= Date.parse(now)) errors.add('expires_at', 'must be in the future');
  return instant.toISOString();
}
