import { FieldError, invalid } from './domain-error';

/** Collects field errors, so that a command is refused with every problem at once. */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  /** Records one problem with one field. */
  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** The text trimmed; records an error unless it is a string of `min`–`max` characters once trimmed. */
  text(field: string, value: unknown, min: number, max: number): string {
    if (typeof value !== 'string') {
      this.add(field, 'must be a string');
      return '';
    }
    const trimmed = value.trim();
    const length = characterCount(trimmed);
    if (length < min || length > max) {
      this.add(
        field,
        min === 0 ? `must be at most ${max} characters` : `must be ${min}-${max} characters`,
      );
    }
    return trimmed;
  }

  /** Optional text: null, absent or blank become null; otherwise at most `max` characters once trimmed. */
  optionalText(field: string, value: unknown, max: number): string | null {
    if (value === null || value === undefined) return null;
    const text = this.text(field, value, 0, max);
    return text === '' ? null : text;
  }

  /** Records an error unless the value is a boolean (when present). */
  flag(field: string, value: unknown): void {
    if (value !== undefined && typeof value !== 'boolean') this.add(field, 'must be true or false');
  }

  /** Throws a `validation_failed` DomainError naming every recorded field. */
  throwIfAny(): void {
    if (this.errors.length > 0) throw invalid(this.errors);
  }
}

/** Runs checks that record into one FieldErrors and returns their result, or throws them all. */
export function validate<T>(check: (errors: FieldErrors) => T): T {
  const errors = new FieldErrors();
  const result = check(errors);
  errors.throwIfAny();
  return result;
}

/** Length in Unicode code points, so that an emoji counts as one character, as users count. */
export const characterCount = (text: string): number => Array.from(text).length;
