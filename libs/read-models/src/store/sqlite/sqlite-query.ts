import { CursorPosition } from '../cursor';
import { DocumentFilter, FieldCondition, Scalar, SortOrder, Where } from '../read-store.port';
import { fieldKey, foldedColumn, keyValue, SqlValue } from './sqlite-fields';

/** A piece of SQL and the values of its placeholders. */
export interface SqlPart {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** Above this many values, a membership binds one JSON array instead of one placeholder each. */
const LISTED_VALUES = 100;

const and = (parts: readonly SqlPart[]): SqlPart =>
  parts.length === 0
    ? { sql: '1', params: [] }
    : {
        sql: parts.map((part) => `(${part.sql})`).join(' AND '),
        params: parts.flatMap((part) => part.params),
      };

function membership(key: string, values: readonly Scalar[]): SqlPart {
  if (values.length === 0) return { sql: '0', params: [] };
  if (values.length <= LISTED_VALUES) {
    return { sql: `${key} IN (${values.map(() => '?').join(', ')})`, params: values.map(keyValue) };
  }
  // JSON holds no -Infinity: null is matched on its own.
  const present = values.filter((value) => value !== null);
  const inList = `${key} IN (SELECT value FROM json_each(?))`;
  const sql = present.length < values.length ? `${inList} OR ${key} = ?` : inList;
  const params: SqlValue[] = [JSON.stringify(present)];
  if (present.length < values.length) params.push(keyValue(null));
  return { sql, params };
}

function condition(field: string, wanted: FieldCondition<Scalar>): SqlPart {
  const key = fieldKey(field);
  if (wanted !== null && typeof wanted === 'object') return membership(key, wanted.in);
  return { sql: `${key} = ?`, params: [keyValue(wanted)] };
}

const conditions = <D>(where: Where<D>): SqlPart[] =>
  Object.entries(where).map(([field, wanted]) =>
    condition(field, wanted as FieldCondition<Scalar>),
  );

const or = (parts: readonly SqlPart[]): SqlPart =>
  parts.length === 0
    ? { sql: '0', params: [] }
    : {
        sql: parts.map((part) => `(${part.sql})`).join(' OR '),
        params: parts.flatMap((part) => part.params),
      };

/** The conditions a filter sets, on fields and on a searchable field's folded copy. */
export function filterSql<D>(
  filter: DocumentFilter<D>,
  searchable: ReadonlySet<string>,
): SqlPart[] {
  const parts = conditions(filter.where ?? {});
  if (filter.anyOf) parts.push(or(filter.anyOf.map((where) => and(conditions(where)))));
  if (filter.atMost) {
    // SQLite orders every number before every text: a lower bound of the bound's own type keeps
    // the other type out (and null, kept as -Infinity), on the index expression alone.
    const { field, value } = filter.atMost;
    const key = fieldKey(field);
    const floor = typeof value === 'number' ? keyValue(null) : '';
    parts.push({
      sql: `${key} ${typeof value === 'number' ? '>' : '>='} ? AND ${key} <= ?`,
      params: [floor, value],
    });
  }
  if (filter.contains) {
    const { field, text } = filter.contains;
    if (!searchable.has(field))
      throw new RangeError(`${field} is not declared searchable in its collection spec`);
    // instr, not LIKE: the text is literal, with no wildcards to escape.
    parts.push({ sql: `instr(${foldedColumn(field)}, ?) > 0`, params: [text.toLowerCase()] });
  }
  return parts;
}

const comparison = (direction: 'asc' | 'desc'): string => (direction === 'asc' ? '>' : '<');

/**
 * Rows after a cursor. The first key's bound (`>=` / `<=`) lets SQLite seek in the index (it
 * does not seek on a row value over expressions); the exact keyset condition then resolves ties.
 */
export function keysetSql<D>(sort: SortOrder<D>, after: CursorPosition): SqlPart {
  const keys = sort.map((key) => fieldKey(key.field));
  const values = after.values.map(keyValue);
  const first = sort[0].direction === 'asc' ? '>=' : '<=';
  const bound: SqlPart = { sql: `${keys[0]} ${first} ?`, params: [values[0]] };
  const idDirection = sort[sort.length - 1].direction;
  if (sort.every((key) => key.direction === idDirection)) {
    const row = [...keys, 'id'];
    return and([
      bound,
      {
        sql: `(${row.join(', ')}) ${comparison(idDirection)} (${row.map(() => '?').join(', ')})`,
        params: [...values, after.id],
      },
    ]);
  }
  const equalUpTo = (i: number): SqlPart[] =>
    keys.slice(0, i).map((key, j) => ({ sql: `${key} = ?`, params: [values[j]] }));
  const branches = sort.map((key, i) =>
    and([
      ...equalUpTo(i),
      { sql: `${keys[i]} ${comparison(key.direction)} ?`, params: [values[i]] },
    ]),
  );
  branches.push(
    and([
      ...equalUpTo(keys.length),
      { sql: `id ${comparison(idDirection)} ?`, params: [after.id] },
    ]),
  );
  return and([bound, or(branches)]);
}

/** The ORDER BY of a sort order, the id breaking ties in the last key's direction. */
export function orderSql<D>(sort: SortOrder<D>): string {
  const keys = sort.map((key) => `${fieldKey(key.field)} ${key.direction.toUpperCase()}`);
  return [...keys, `id ${sort[sort.length - 1].direction.toUpperCase()}`].join(', ');
}

/** The WHERE clause of a filter, after a cursor when paging. */
export function whereSql<D>(
  filter: DocumentFilter<D>,
  searchable: ReadonlySet<string>,
  page?: { readonly sort: SortOrder<D>; readonly after: CursorPosition },
): SqlPart {
  const parts = filterSql(filter, searchable);
  if (page) parts.push(keysetSql(page.sort, page.after));
  return and(parts);
}
