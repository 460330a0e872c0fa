/**
 * RFC 8785 (JCS) canonical JSON of a JSON value: object members sorted by the UTF-16 code units
 * of their names, no whitespace, numbers and strings as ECMAScript's JSON.stringify writes them
 * (which is exactly what JCS prescribes). Hand-written because the offline verifier must run
 * with no dependency; its specs check it against the RFC's vectors and the `canonicalize` package.
 * Throws on what JSON cannot hold (NaN, Infinity, functions, bigints).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`JCS cannot represent the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    // As JSON.stringify does: a hole or undefined element is written as null.
    return `[${value.map((item: unknown) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Array.prototype.sort without a comparator orders by UTF-16 code units, as JCS requires.
    const members = Object.keys(record)
      .filter((name) => record[name] !== undefined)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonicalJson(record[name])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`JCS cannot represent a ${typeof value}`);
}
