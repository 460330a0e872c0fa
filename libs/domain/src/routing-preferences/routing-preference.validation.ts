import { FieldErrors } from '../shared/validation';

/** Longest preference name and description, in characters after trimming. */
export const PREFERENCE_TEXT_LIMITS = { name: 128, description: 512 } as const;

/** The trimmed name; records an error on `name` unless it is 1–128 characters. */
export const checkPreferenceName = (errors: FieldErrors, name: unknown): string =>
  errors.text('name', name, 1, PREFERENCE_TEXT_LIMITS.name);

/** The trimmed description, null when blank; records an error on `description` beyond 512 characters. */
export const checkPreferenceDescription = (
  errors: FieldErrors,
  description: unknown,
): string | null =>
  errors.optionalText('description', description, PREFERENCE_TEXT_LIMITS.description);
