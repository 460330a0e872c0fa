import { Document, Positioned } from '../read-store.port';

/** A read-model document as MongoDB holds it: the id as `_id`, and the position it was written at. */
export interface StoredDocument {
  readonly _id: string;
  readonly _position: number;
  readonly [field: string]: unknown;
}

/** The MongoDB field a document field is stored in. */
export const mongoField = (field: string): string => (field === 'id' ? '_id' : field);

/** What a document written at `position` stores besides its `_id`: its fields, id excepted, and the position. */
export function storedFields<D extends Document>(
  document: D,
  position: number,
): Omit<StoredDocument, '_id'> {
  const fields: [string, unknown][] = Object.entries(document).filter(([field]) => field !== 'id');
  return { ...Object.fromEntries(fields), _position: position };
}

/** A document written at `position` as MongoDB stores it, `_id` first. */
export const storedDocument = <D extends Document>(
  id: string,
  document: D,
  position: number,
): StoredDocument => ({ _id: id, ...storedFields(document, position), _position: position });

/** The document a stored one holds; its collection spec vouches for the type. */
export function fromStored<D extends Document>(stored: StoredDocument): Positioned<D> {
  const { _id, _position, ...fields } = stored;
  return { document: { ...fields, id: _id } as unknown as D, position: _position };
}
