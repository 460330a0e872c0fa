/**
 * Whether a parsed JSON value is an object (not an array) with no property outside `allowed`:
 * the shape a strict DTO accepts before looking at any field.
 */
export function isObjectWithOnly(
  value: unknown,
  allowed: readonly string[],
): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (!allowed.includes(key)) return false;
  return true;
}

/** Whether a field is absent, or a string of `min` to `max` characters (MinLength, MaxLength). */
export const isOptionalText = (value: unknown, min: number, max: number): boolean =>
  value === undefined || (typeof value === 'string' && value.length >= min && value.length <= max);
