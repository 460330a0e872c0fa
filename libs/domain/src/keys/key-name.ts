import { FieldErrors } from '../shared/validation';

/** Longest key name, in characters after trimming. */
export const KEY_NAME_MAX = 128;

/** The trimmed name; records an error on `name` unless it is 1–128 characters. */
export const checkKeyName = (errors: FieldErrors, name: unknown): string =>
  errors.text('name', name, 1, KEY_NAME_MAX);
