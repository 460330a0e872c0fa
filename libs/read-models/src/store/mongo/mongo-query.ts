import { Filter, IndexDescription, Sort } from 'mongodb';
import { CursorPosition } from '../cursor';
import {
  DocumentFilter,
  FieldCondition,
  IndexSpec,
  Scalar,
  SortKey,
  SortOrder,
  Where,
} from '../read-store.port';
import { mongoField, StoredDocument } from './mongo-document';

type Condition = Readonly<Record<string, unknown>>;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const equals = (condition: FieldCondition<Scalar>): unknown =>
  condition !== null && typeof condition === 'object' ? { $in: [...condition.in] } : condition;

const sortKeys = <D>(sort: SortOrder<D>) =>
  sort.map((key) => ({ name: mongoField(key.field), direction: key.direction }));

/** The id order that breaks ties: the last key's direction. */
const idDirection = <D>(sort: SortOrder<D>): SortKey<D>['direction'] =>
  sort[sort.length - 1].direction;

/** Values past `value` in the key's direction; null when none can be (descending past null). */
function beyond(name: string, direction: 'asc' | 'desc', value: Scalar): Condition | null {
  // MongoDB sorts null first and compares only within a type, so null needs its own conditions.
  if (direction === 'asc') return { [name]: value === null ? { $ne: null } : { $gt: value } };
  return value === null ? null : { $or: [{ [name]: { $lt: value } }, { [name]: null }] };
}

/** Documents after a cursor: for each key, equal on the keys before it and beyond on it; the id last. */
function keysetAfter<D>(sort: SortOrder<D>, after: CursorPosition): Condition {
  const keys = sortKeys(sort);
  const equalUpTo = (i: number): Condition[] =>
    keys.slice(0, i).map((key, j) => ({ [key.name]: after.values[j] }));
  const branches: Condition[] = [];
  keys.forEach(({ name, direction }, i) => {
    const past = beyond(name, direction, after.values[i]);
    if (past !== null) branches.push(i === 0 ? past : { $and: [...equalUpTo(i), past] });
  });
  const pastId = { _id: { [idDirection(sort) === 'asc' ? '$gt' : '$lt']: after.id } };
  branches.push({ $and: [...equalUpTo(keys.length), pastId] });
  return { $or: branches };
}

/** One set of field conditions, all of which must hold. */
const whereConditions = <D>(where: Where<D>): Condition =>
  Object.fromEntries(
    Object.entries(where).map(([field, condition]) => [
      mongoField(field),
      equals(condition as FieldCondition<Scalar>),
    ]),
  );

/** The MongoDB filter selecting a document filter's matches, after `after` when paging. */
export function mongoFilter<D>(
  filter: DocumentFilter<D>,
  sort?: SortOrder<D>,
  after?: CursorPosition,
): Filter<StoredDocument> {
  const conditions: Condition[] = Object.entries(filter.where ?? {}).map(([field, condition]) => ({
    [mongoField(field)]: equals(condition as FieldCondition<Scalar>),
  }));
  // MongoDB refuses an empty $or; no alternative matches nothing.
  if (filter.anyOf?.length === 0) conditions.push({ _id: { $in: [] } });
  else if (filter.anyOf) conditions.push({ $or: filter.anyOf.map(whereConditions) });
  // Type bracketing: a bound matches values of its own type only, never null.
  if (filter.atMost)
    conditions.push({ [mongoField(filter.atMost.field)]: { $lte: filter.atMost.value } });
  if (filter.contains) {
    const { field, text } = filter.contains;
    conditions.push({ [mongoField(field)]: { $regex: escapeRegex(text), $options: 'i' } });
  }
  if (sort && after) conditions.push(keysetAfter(sort, after));
  if (conditions.length === 0) return {};
  return (conditions.length === 1 ? conditions[0] : { $and: conditions }) as Filter<StoredDocument>;
}

/** The MongoDB sort for a sort order, id last. */
export function mongoSort<D>(sort: SortOrder<D>): Sort {
  const keys = [...sortKeys(sort), { name: '_id', direction: idDirection(sort) }];
  return Object.fromEntries(
    keys.map(({ name, direction }) => [name, direction === 'asc' ? 1 : -1]),
  );
}

/**
 * The MongoDB index for an index spec; compound indexes go on with `_id`, so cursor order is
 * covered, then the included fields, which MongoDB can filter on in the index keys.
 */
export function mongoIndex<D>(index: IndexSpec<D>): IndexDescription {
  const names = index.fields.map(mongoField);
  const tail = index.unique ? [] : ['_id', ...(index.include ?? []).map(mongoField)];
  const key = Object.fromEntries([...names, ...tail].map((name) => [name, 1 as const]));
  return { key, unique: index.unique === true };
}
