import { FieldErrors } from '../shared/validation';
import { LimitReset } from './key.events';

/** Largest limit a key can have, in credits: far above any real budget, far below float trouble. */
export const MAX_LIMIT = 1e12;
/** Every window a limit can reset in. */
export const LIMIT_RESETS: readonly LimitReset[] = ['daily', 'weekly', 'monthly'];

/** Records an error on `limit` unless it is null (unlimited) or a finite amount from 0 to MAX_LIMIT. */
export function checkLimit(errors: FieldErrors, limit: unknown): void {
  if (limit === null) return;
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0 || limit > MAX_LIMIT) {
    errors.add('limit', `must be null or a number from 0 to ${MAX_LIMIT}`);
  }
}

/** Records an error on `limit_reset` unless it is null (never resets), daily, weekly or monthly. */
export function checkLimitReset(errors: FieldErrors, reset: unknown): void {
  if (reset !== null && !(LIMIT_RESETS as readonly unknown[]).includes(reset)) {
    errors.add('limit_reset', 'must be null, daily, weekly or monthly');
  }
}
