/** Whether a field is always in the object (`required`) or may be left out (`optional`). */
export type Presence = 'required' | 'optional';

/**
 * A runtime mirror of T's top-level fields. Typed this way the compiler rejects a list that
 * misses a field, names one T lacks, or marks one wrongly, so a test can hold the hand-written
 * types against the live API without trusting anyone to keep two lists in step.
 */
export type FieldList<T> = {
  readonly [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? 'optional' : 'required';
};

/** Any field list, whatever type it mirrors. */
export type Fields = Readonly<Record<string, Presence>>;

/** Every field a list names, sorted. */
export function fieldNames(fields: Fields): string[] {
  return Object.keys(fields).sort();
}

/** The fields a list marks `required`, sorted. */
export function requiredFieldNames(fields: Fields): string[] {
  return fieldNames(fields).filter((name) => fields[name] === 'required');
}
