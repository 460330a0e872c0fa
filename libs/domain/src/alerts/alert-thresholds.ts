import { FieldErrors } from '../shared/validation';

/** Most thresholds one key may carry. */
export const MAX_ALERT_THRESHOLDS = 5;

/**
 * The thresholds as given, ascending; records an error on `alert_thresholds` unless it is a list
 * of at most 5 distinct whole percentages from 1 to 100. `[]` removes every alert.
 */
export function checkAlertThresholds(
  errors: FieldErrors,
  value: unknown,
  field = 'alert_thresholds',
): readonly number[] {
  const valid =
    Array.isArray(value) &&
    value.length <= MAX_ALERT_THRESHOLDS &&
    value.every((n) => Number.isInteger(n) && n >= 1 && n <= 100) &&
    new Set(value).size === value.length;
  if (!valid) {
    errors.add(
      field,
      `must be a list of at most ${MAX_ALERT_THRESHOLDS} distinct whole percentages from 1 to 100`,
    );
    return [];
  }
  return [...(value as number[])].sort((a, b) => a - b);
}
