import { FieldErrors } from '../shared/validation';

/** Longest time an old secret may keep working after a rotation: one week. */
export const MAX_GRACE_SECONDS = 7 * 24 * 3600;

/**
 * Until when the replaced secret stays valid: `now` plus the grace period, or null when the grace
 * is 0 (it stops at once). Records an error on `grace_period_seconds` unless it is a whole number
 * of seconds from 0 to one week.
 */
export function checkGracePeriod(
  errors: FieldErrors,
  graceSeconds: unknown,
  now: string,
): string | null {
  if (
    typeof graceSeconds !== 'number' ||
    !Number.isInteger(graceSeconds) ||
    graceSeconds < 0 ||
    graceSeconds > MAX_GRACE_SECONDS
  ) {
    errors.add('grace_period_seconds', `must be a whole number from 0 to ${MAX_GRACE_SECONDS}`);
    return null;
  }
  return graceSeconds === 0 ? null : new Date(Date.parse(now) + graceSeconds * 1000).toISOString();
}
