import { DocumentFilter, FieldCondition, Scalar, ScalarField, Where } from '../read-store.port';
import { fieldValue } from '../sort-point';

const satisfies = (value: Scalar, condition: FieldCondition<Scalar>): boolean =>
  condition !== null && typeof condition === 'object'
    ? condition.in.includes(value)
    : value === condition;

const meets = <D>(document: D, where: Where<D>): boolean =>
  Object.entries(where).every(([field, condition]) =>
    satisfies(fieldValue(document, field as ScalarField<D>), condition as FieldCondition<Scalar>),
  );

/** Whether a document meets a filter, with the MongoDB semantics of the conditions used here. */
export function documentMatches<D>(document: D, filter: DocumentFilter<D>): boolean {
  if (!meets(document, filter.where ?? {})) return false;
  if (filter.anyOf && !filter.anyOf.some((where) => meets(document, where))) return false;
  if (filter.atMost) {
    const value = fieldValue(document, filter.atMost.field);
    const bound = filter.atMost.value;
    if (typeof value !== typeof bound || (value as typeof bound) > bound) return false;
  }
  if (!filter.contains) return true;
  const value = fieldValue(document, filter.contains.field);
  return (
    typeof value === 'string' && value.toLowerCase().includes(filter.contains.text.toLowerCase())
  );
}
