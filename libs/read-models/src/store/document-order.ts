import { CursorPosition } from './cursor';
import { Scalar, SortOrder } from './read-store.port';

const typeRank = (value: Scalar): number =>
  value === null ? 0 : typeof value === 'number' ? 1 : typeof value === 'string' ? 2 : 3;

/** Orders scalars the way MongoDB orders these types: null, then numbers, strings, booleans. */
export function compareScalars(a: Scalar, b: Scalar): number {
  const byType = typeRank(a) - typeRank(b);
  if (byType !== 0 || a === b || a === null || b === null) return byType;
  return a < b ? -1 : 1;
}

/** Compares two points of one sort order: key by key, then by id in the last key's direction. */
export function compareSortPoints<D>(
  sort: SortOrder<D>,
  a: CursorPosition,
  b: CursorPosition,
): number {
  for (const [i, key] of sort.entries()) {
    const order = compareScalars(a.values[i], b.values[i]);
    if (order !== 0) return key.direction === 'asc' ? order : -order;
  }
  const byId = compareScalars(a.id, b.id);
  return sort[sort.length - 1].direction === 'asc' ? byId : -byId;
}
