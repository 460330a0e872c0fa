/**
 * The values of a string union, for an OpenAPI `enum`. Written as a record keyed by the union, so
 * the compiler rejects a missing or an unknown value: the documented enum follows the type.
 */
export const enumValues = <T extends string>(values: Record<T, true>): T[] =>
  Object.keys(values) as T[];
