import { CursorPosition } from './cursor';
import { Document, Scalar, ScalarField, SortOrder } from './read-store.port';

/** A document's value of a scalar field; a missing field reads as null, as in MongoDB queries. */
export const fieldValue = <D>(document: D, field: ScalarField<D>): Scalar =>
  (document[field] as Scalar | undefined) ?? null;

/** Where a document sits in a sort order: its sort values and id, as a cursor records them. */
export const sortPoint = <D extends Document>(document: D, sort: SortOrder<D>): CursorPosition => ({
  values: sort.map((key) => fieldValue(document, key.field)),
  id: document.id,
});
