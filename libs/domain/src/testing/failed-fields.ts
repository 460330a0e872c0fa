import { FieldErrors, validate } from '../shared/validation';
import { DomainError } from '../shared/domain-error';

/** The fields a validation check refuses (`[]` when it passes), for boundary tables in specs. */
export function failedFields(check: (errors: FieldErrors) => unknown): readonly string[] {
  try {
    validate(check);
    return [];
  } catch (error) {
    if (error instanceof DomainError && error.code === 'validation_failed')
      return error.fields.map((f) => f.field);
    throw error;
  }
}
