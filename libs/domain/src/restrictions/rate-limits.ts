import { FieldErrors } from '../shared/validation';

/** One named sliding-window limit: at most `limit` units per `duration_ms`. */
export interface RateLimit {
  readonly name: string;
  readonly limit: number;
  readonly duration_ms: number;
}

/** Most named limits one key may carry. */
export const MAX_RATE_LIMITS = 10;
/** Shortest window (1 s) and longest (30 days), in milliseconds. */
export const MIN_RATE_LIMIT_DURATION_MS = 1_000;
export const MAX_RATE_LIMIT_DURATION_MS = 30 * 24 * 3_600_000;
/** Largest `limit` of one window. */
export const MAX_RATE_LIMIT = 1_000_000_000;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * The limits as given; records errors on `rate_limits` unless it is a list of at most 10 objects
 * `{ name, limit, duration_ms }` with distinct names (1–64 of letters, digits, `_.:-`), a whole
 * `limit` of 1–1e9 and a whole `duration_ms` from 1 s to 30 days. `[]` removes every limit.
 */
export function checkRateLimits(errors: FieldErrors, value: unknown): readonly RateLimit[] {
  if (!Array.isArray(value)) {
    errors.add('rate_limits', 'must be a list of { name, limit, duration_ms }');
    return [];
  }
  if (value.length > MAX_RATE_LIMITS) {
    errors.add('rate_limits', `must hold at most ${MAX_RATE_LIMITS} limits`);
    return [];
  }
  const limits = value.flatMap((entry: unknown, index) => {
    const limit = checkRateLimit(errors, `rate_limits[${index}]`, entry);
    return limit === null ? [] : [limit];
  });
  if (new Set(limits.map((limit) => limit.name)).size !== limits.length) {
    errors.add('rate_limits', 'must not repeat a name');
  }
  return limits;
}

function checkRateLimit(errors: FieldErrors, field: string, entry: unknown): RateLimit | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    errors.add(field, 'must be an object { name, limit, duration_ms }');
    return null;
  }
  const { name, limit, duration_ms } = entry as Record<string, unknown>;
  const extra = Object.keys(entry).filter((k) => !['name', 'limit', 'duration_ms'].includes(k));
  let valid = true;
  const fail = (at: string, message: string): void => {
    errors.add(at, message);
    valid = false;
  };
  if (extra.length > 0) fail(field, `unknown field(s) ${extra.join(', ')}`);
  if (typeof name !== 'string' || !NAME.test(name)) {
    fail(
      `${field}.name`,
      'must be 1-64 letters, digits or _ . : - (starting with a letter or digit)',
    );
  }
  if (!isWholeIn(limit, 1, MAX_RATE_LIMIT)) {
    fail(`${field}.limit`, `must be a whole number from 1 to ${MAX_RATE_LIMIT}`);
  }
  if (!isWholeIn(duration_ms, MIN_RATE_LIMIT_DURATION_MS, MAX_RATE_LIMIT_DURATION_MS)) {
    fail(
      `${field}.duration_ms`,
      `must be a whole number of milliseconds from ${MIN_RATE_LIMIT_DURATION_MS} to ${MAX_RATE_LIMIT_DURATION_MS}`,
    );
  }
  return valid
    ? { name: name as string, limit: limit as number, duration_ms: duration_ms as number }
    : null;
}

const isWholeIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
