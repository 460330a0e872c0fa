import { DocumentFilter, FieldCondition, Scalar, ScalarField } from '../read-store.port';
import { fieldValue } from '../sort-point';

const satisfies = (value: Scalar, condition: FieldCondition<Scalar>): boolean =>
  condition !== null && typeof condition === 'object'
    ? condition.in.includes(value)
    : value === condition;

/** Whether a document meets a filter, with the MongoDB semantics of the conditions used here. */
export function documentMatches<D>(document: D, filter: DocumentFilter<D>): boolean {
  for (const [field, condition] of Object.entries(filter.where ?? {})) {
    if (
      !satisfies(fieldValue(document, field as ScalarField<D>), condition as FieldCondition<Scalar>)
    )
      return false;
  }
  if (!filter.contains) return true;
  const value = fieldValue(document, filter.contains.field);
  return (
    typeof value === 'string' && value.toLowerCase().includes(filter.contains.text.toLowerCase())
  );
}
