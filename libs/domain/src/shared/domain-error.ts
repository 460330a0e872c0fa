/** Every code a domain decision can fail with; the edge maps each to one HTTP status. */
export type DomainErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'forbidden'
  | 'key_revoked'
  | 'already_exists'
  | 'routing_preference_not_bindable'
  | 'routing_preference_deleted'
  | 'policy_violation';

/** One invalid input field and why. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** A refused command or query, as a value with a stable code. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A validation failure naming the offending fields. */
export const invalid = (fields: readonly FieldError[]): DomainError =>
  new DomainError(
    'validation_failed',
    fields.map((f) => `${f.field}: ${f.message}`).join('; '),
    fields,
  );
