/** Structural equality of JSON-like data; object key order does not matter, array order does. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = Object.entries(a);
  const right = new Map(Object.entries(b));
  return (
    left.length === right.size && left.every(([k, v]) => right.has(k) && sameData(v, right.get(k)))
  );
}

/** The fields of `next` whose values differ from `current`: what an update really changes. */
export function changedFields<T extends object>(next: Partial<T>, current: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const field of Object.keys(next) as (keyof T)[]) {
    if (!sameData(next[field], current[field])) changed[field] = next[field];
  }
  return changed;
}
