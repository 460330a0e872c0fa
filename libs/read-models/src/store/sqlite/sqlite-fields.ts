import { Scalar } from '../read-store.port';

/** A value better-sqlite3 can bind. */
export type SqlValue = string | number | null;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A field or collection name, checked before it is spelled into SQL. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new RangeError(`not a plain identifier: ${name}`);
  return name;
}

/**
 * What a null (or missing) field sorts and compares as: -Infinity, below every number and text
 * a JSON document can hold. Index expressions are thus never null, so nulls come first in
 * ascending order, as MongoDB sorts them, and keyset conditions need no null cases.
 */
const NULL_KEY = '-9e999';

/**
 * The SQL of a field's comparable value: the id column, or the JSON field with null as -Infinity.
 * Indexes, filters, sorts and cursors all use this one expression, so SQLite matches them to the
 * expression indexes (it compares expressions by their text).
 */
export function fieldKey(field: string): string {
  if (field === 'id') return 'id';
  return `coalesce(json_extract(doc, '$.${identifier(field)}'), ${NULL_KEY})`;
}

/** The SQL of a field's value as JSON text (SQL null when missing): what groups read back. */
export const jsonValue = (field: string): string =>
  field === 'id' ? 'json_quote(id)' : `doc -> '$.${identifier(field)}'`;

/** The column holding a searchable field's case-folded copy. */
export const foldedColumn = (field: string): string => `fold_${identifier(field)}`;

/** A scalar as `fieldKey` sees it: JSON booleans read back as 1 and 0, null as -Infinity. */
export function keyValue(value: Scalar): SqlValue {
  if (value === null) return -Infinity;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** A searchable field's folded value: lower case, as `contains` compares; null for non-text. */
export const folded = (value: unknown): string | null =>
  typeof value === 'string' ? value.toLowerCase() : null;
