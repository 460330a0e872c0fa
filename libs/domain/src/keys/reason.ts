import { FieldErrors } from '../shared/validation';

/** Longest reason kept in the audit trail, in characters. */
export const REASON_MAX = 500;

/** The trimmed reason; records an error on `reason` unless it is 1–500 characters. */
export const checkRequiredReason = (errors: FieldErrors, reason: unknown): string =>
  errors.text('reason', reason, 1, REASON_MAX);

/** The trimmed reason or null; records an error on `reason` if it is longer than 500 characters. */
export const checkOptionalReason = (errors: FieldErrors, reason: unknown): string | null =>
  errors.optionalText('reason', reason, REASON_MAX);
