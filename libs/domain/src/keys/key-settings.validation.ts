import { FieldErrors, isIsoTimestamp } from '../shared/validation';
import { KEY_SCOPES } from './key-scopes';

export const MAX_LIMIT = 1e12;
const LIMIT_RESETS = ['daily', 'weekly', 'monthly'];

/** Adds an error unless `limit` is null or a finite amount from 0 to MAX_LIMIT. */
export function checkLimit(errors: FieldErrors, limit: unknown): void {
  if (limit === null) return;
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0 || limit > MAX_LIMIT) {
    errors.add('limit', `must be null or a number from 0 to ${MAX_LIMIT}`);
  }
}

/** Adds an error unless `reset` is null, daily, weekly or monthly. */
export function checkLimitReset(errors: FieldErrors, reset: unknown): void {
  if (reset !== null && !LIMIT_RESETS.includes(reset as string)) {
    errors.add('limit_reset', 'must be null, daily, weekly or monthly');
  }
}

/** Adds an error unless `expiresAt` is null or a timestamp after `now`. */
export function checkExpiry(errors: FieldErrors, expiresAt: unknown, now: string): void {
  if (expiresAt === null) return;
  if (!isIsoTimestamp(expiresAt)) return errors.add('expires_at', 'must be an ISO-8601 timestamp or null');
  if (Date.parse(expiresAt) <= Date.parse(now)) errors.add('expires_at', 'must be in the future');
}

/** Adds an error unless `scopes` is a non-empty list of distinct known scopes. */
export function checkScopes(errors: FieldErrors, scopes: readonly string[]): void {
  if (scopes.length === 0) return errors.add('scopes', 'must name at least one scope');
  const unknown = scopes.filter((scope) => !(KEY_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) errors.add('scopes', `unknown scope(s): ${unknown.join(', ')}; known: ${KEY_SCOPES.join(', ')}`);
  if (new Set(scopes).size !== scopes.length) errors.add('scopes', 'must not repeat a scope');
}

export const KEY_NAME_MAX = 128;
export const REASON_MAX = 500;
export const MAX_GRACE_SECONDS = 7 * 24 * 3600;
