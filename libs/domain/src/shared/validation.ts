import { FieldError, invalid } from './domain-error';

/** Collects field errors, so a command is refused with every problem at once. */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** A trimmed string of `min`–`max` characters, or an error on `field`. */
  text(field: string, value: unknown, min: number, max: number): void {
    if (typeof value !== 'string') return this.add(field, 'must be a string');
    const length = value.trim().length;
    if (length < min || value.length > max) this.add(field, `must be ${min}-${max} characters`);
  }

  /** Throws a `validation_failed` DomainError naming every collected field. */
  throwIfAny(): void {
    if (this.errors.length > 0) throw invalid(this.errors);
  }
}

/** Whether a value is an ISO-8601 timestamp JavaScript can read. */
export function isIsoTimestamp(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}
