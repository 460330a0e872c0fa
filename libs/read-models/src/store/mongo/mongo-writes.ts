import { AnyBulkWriteOperation } from 'mongodb';
import { Document, DocumentWrite } from '../read-store.port';
import { StoredDocument, storedFields } from './mongo-document';

/** The newest write of each document: an unordered bulk write must not hold two for one id. */
export function newestPerDocument<D>(writes: readonly DocumentWrite<D>[]): DocumentWrite<D>[] {
  const newest = new Map<string, DocumentWrite<D>>();
  for (const write of writes) {
    const kept = newest.get(write.id);
    if (!kept || kept.position < write.position) newest.set(write.id, write);
  }
  return [...newest.values()];
}

/**
 * A write that only lands on an older document. When the stored one is as new or newer, the
 * upsert finds no match and its insert fails on `_id` (duplicate key), which the caller recognises as stale.
 */
export function guardedOperation<D extends Document>(
  write: DocumentWrite<D>,
): AnyBulkWriteOperation<StoredDocument> {
  const filter = { _id: write.id, _position: { $lt: write.position } };
  if (write.document === null) return { deleteOne: { filter } };
  return {
    replaceOne: { filter, replacement: storedFields(write.document, write.position), upsert: true },
  };
}
